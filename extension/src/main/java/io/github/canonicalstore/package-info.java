/**
 * The public API of canonical-store-hibernate: one Java instance per database row across Hibernate sessions.
 *
 * <p>Start with {@link io.github.canonicalstore.CanonicalStore#of(jakarta.persistence.EntityManagerFactory)}.
 * The settings that switch the store on are in {@link io.github.canonicalstore.hibernate.CanonicalStoreSettings}.
 * Nothing in this package exposes a Hibernate SPI type.
 */
@NullMarked
package io.github.canonicalstore;

import org.jspecify.annotations.NullMarked;
