/**
 * How the store plugs into Hibernate ORM 7: persister subclasses whose {@code instantiate(id, session)} hands out
 * canonical instances, a per-session {@link org.hibernate.engine.extension.spi.Extension} that owns them, event
 * listeners that release ownership, and the service and contributor classes that Hibernate discovers through
 * {@code META-INF/services}.
 */
@NullMarked
package io.github.canonicalstore.internal.hibernate;

import org.jspecify.annotations.NullMarked;
