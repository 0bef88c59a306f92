/**
 * The concurrent canonical store: a map from key to a weak reference that carries its key, with owners and pins.
 *
 * <p>Nothing here imports Hibernate (an ArchUnit test checks it), so the store can be tested and benchmarked
 * alone. Keys are opaque: the Hibernate integration supplies keys whose {@code equals}/{@code hashCode} follow
 * Hibernate's identifier types.
 */
@NullMarked
package io.github.canonicalstore.internal.store;

import org.jspecify.annotations.NullMarked;
