/**
 * Micrometer meters for the canonical store: {@link io.github.canonicalstore.micrometer.CanonicalStoreMetrics}.
 *
 * <p>Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency of the extension: this package
 * is usable only when the application has it on the class path, and nothing else in the extension refers to it.
 * Spring Boot applications get the meters from {@code canonical-store-spring-boot-starter} without code.
 */
@NullMarked
package io.github.canonicalstore.micrometer;

import org.jspecify.annotations.NullMarked;
