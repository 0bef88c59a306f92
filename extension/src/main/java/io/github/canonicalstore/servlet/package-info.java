/**
 * Canonical instances per HTTP session (SEMANTICS rule 12) for servlet applications, with or without Spring:
 * {@link io.github.canonicalstore.servlet.HttpSessionScopeResolver} and the filter that shows it the request,
 * {@link io.github.canonicalstore.servlet.CanonicalScopeFilter}.
 *
 * <p>The servlet API ({@code jakarta.servlet-api} 6.0 or newer) is provided by the container; nothing else in the
 * extension refers to this package. Spring Boot applications set {@code canonical-store.scope=http-session} and
 * {@code canonical-store-spring-boot-starter} registers the filter.
 *
 * <p><b>1. The setting</b>, in {@code persistence.xml} (or {@code hibernate.properties}):
 *
 * <pre>{@code
 * <property name="hibernate.canonical_store.enabled" value="true"/>
 * <property name="hibernate.canonical_store.scope_resolver"
 *           value="io.github.canonicalstore.servlet.HttpSessionScopeResolver"/>
 * }</pre>
 *
 * <p><b>2. The filter</b>, mapped to every URL and placed before any filter that opens a Hibernate session. In
 * {@code web.xml}:
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>canonicalScope</filter-name>
 *   <filter-class>io.github.canonicalstore.servlet.CanonicalScopeFilter</filter-class>
 *   <async-supported>true</async-supported>
 * </filter>
 * <filter-mapping>
 *   <filter-name>canonicalScope</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>or with annotations, on an empty subclass in the application (the library's own class carries no
 * {@code @WebFilter}, so that having the jar in {@code WEB-INF/lib} registers nothing by itself):
 *
 * <pre>{@code
 * @WebFilter(urlPatterns = "/*", asyncSupported = true,
 *            dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
 * public class ScopeFilter extends CanonicalScopeFilter {
 * }
 * }</pre>
 *
 * <p>Filters declared in {@code web.xml} run in the order of their mappings there; annotated filters run in an
 * order the container chooses, so declare it in {@code web.xml} when another filter opens Hibernate sessions.
 *
 * <p><b>What each session sees.</b> A Hibernate session opened while a request passes through the filter works in
 * the scope of that request's HTTP session; one opened in a request without an HTTP session works in a scope of that
 * request alone; one opened on any other thread (start-up, scheduled jobs, executors) works in the factory scope.
 * Committed changes reach the canonical instances of every scope.
 */
@NullMarked
package io.github.canonicalstore.servlet;

import org.jspecify.annotations.NullMarked;
