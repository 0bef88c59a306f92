/**
 * What users name in {@code persistence.xml} or {@code hibernate.properties}: the setting keys of the store.
 */
@NullMarked
package io.github.canonicalstore.hibernate;

import org.jspecify.annotations.NullMarked;
