/**
 * Spring Boot auto-configuration of canonical-store-hibernate (artifact
 * {@code io.github.canonicalstore:canonical-store-spring-boot-starter}), for Spring Boot 4.0 and 4.1.
 *
 * <p>With the starter on the class path and {@code canonical-store.enabled=true}, every EntityManagerFactory that
 * Spring Boot builds has a canonical store:
 *
 * <ul>
 *   <li>{@code canonical-store.enabled}, {@code .exclude}, {@code .conflict}, {@code .scope} and
 *       {@code .unchanged-rows} become the Hibernate settings {@code hibernate.canonical_store.enabled},
 *       {@code .exclude}, {@code .conflict}, {@code .scope_resolver} and {@code .unchanged_rows}
 *       ({@link io.github.canonicalstore.spring.boot.CanonicalStoreProperties});</li>
 *   <li>each EntityManagerFactory bean gets a {@link io.github.canonicalstore.CanonicalStore} bean,
 *       {@code canonicalStore} for the one Spring Boot builds;</li>
 *   <li>with {@code canonical-store.scope=http-session} in a servlet web application, the
 *       {@link io.github.canonicalstore.servlet.CanonicalScopeFilter} is registered, so that
 *       {@link io.github.canonicalstore.servlet.HttpSessionScopeResolver} sees the request;</li>
 *   <li>with Micrometer, the meters of {@link io.github.canonicalstore.micrometer.CanonicalStoreMetrics} are
 *       registered for each factory ({@link io.github.canonicalstore.spring.boot.CanonicalStoreMetricsAutoConfiguration}).</li>
 * </ul>
 *
 * <p>Without {@code canonical-store.enabled=true} nothing is configured and Hibernate behaves as without the
 * starter.
 */
@NullMarked
package io.github.canonicalstore.spring.boot;

import org.jspecify.annotations.NullMarked;
