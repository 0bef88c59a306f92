package io.github.canonicalstore.servlet;

import io.github.canonicalstore.CanonicalScopeResolver;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CanonicalScopeResolver} that gives each HTTP session canonical instances of its own (SEMANTICS rule 12),
 * for servlet applications with or without Spring. Name it in the settings:
 *
 * <pre>{@code
 * <property name="hibernate.canonical_store.scope_resolver"
 *           value="io.github.canonicalstore.servlet.HttpSessionScopeResolver"/>
 * }</pre>
 *
 * <p>and register {@link CanonicalScopeFilter}, which shows it the request being handled on the calling thread.
 * {@link #currentScope()} answers:
 *
 * <ul>
 *   <li>in a request with an HTTP session: that session's scope, a small token kept as the session attribute
 *       {@value #SESSION_ATTRIBUTE}, created by the first request that asks for it. The token is an identifier, never
 *       the {@code HttpSession}, so the store does not keep sessions alive; it is serializable and compared by
 *       value, so a persisted or replicated session keeps its scope;</li>
 *   <li>in a request without an HTTP session: a scope of that request alone (kept as a request attribute, so that
 *       every Hibernate session of the request shares it). Nobody else ever sees its instances or their uncommitted
 *       edits. The resolver never creates an HTTP session; a request that creates one later gets the session's
 *       scope for the Hibernate sessions it opens afterwards. A session invalidated while the request runs is
 *       treated as none;</li>
 *   <li>outside a request (a thread the filter is not running on: start-up, scheduled jobs, executors,
 *       {@code @Async} methods): {@code null}, the factory scope, shared by every such session.</li>
 * </ul>
 *
 * <p>An application that wants a client to start afresh (after logging in, for example) removes the session
 * attribute; the next Hibernate session gets a new scope.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use, and stateless: the request comes from the filter's thread-local,
 * so any number of instances behave as one. Concurrent first requests of one HTTP session get the same token: it is
 * created under a lock held only while the attribute is missing, once per HTTP session. That holds for the
 * container's own sessions; a session store that gives concurrent requests separate copies of a session (without
 * each other's new attributes) can leave them with two tokens, and so two scopes, of which the last one written
 * stays.
 *
 * @since 0.1.0
 */
public final class HttpSessionScopeResolver implements CanonicalScopeResolver {

    /** The HTTP session attribute that holds the session's scope token: {@value}. */
    public static final String SESSION_ATTRIBUTE = "io.github.canonicalstore.servlet.HttpSessionScopeResolver.SCOPE";

    private static final String REQUEST_ATTRIBUTE =
            "io.github.canonicalstore.servlet.HttpSessionScopeResolver.REQUEST_SCOPE";

    /** Guards the creation of tokens, not their reads: a token is created once per HTTP session or request. */
    private static final Object CREATION_LOCK = new Object();

    /**
     * Creates a resolver. Hibernate calls this constructor when the settings name the class; instances share their
     * state, so creating several is harmless.
     */
    public HttpSessionScopeResolver() {
    }

    /**
     * The scope of the HTTP session of the request being filtered on the calling thread.
     *
     * @return the HTTP session's scope; the request's own scope if it has no HTTP session; {@code null} (the factory
     *     scope) if the calling thread is not handling a request that passed through {@link CanonicalScopeFilter}
     */
    @Override
    public @Nullable Object currentScope() {
        ServletRequest request = CurrentRequest.get();
        if (request == null) {
            return null;
        }
        if (request instanceof HttpServletRequest http) {
            HttpSession session = http.getSession(false);
            if (session != null) {
                ClientScope scope = sessionScope(session);
                if (scope != null) {
                    return scope;
                }
            }
        }
        return requestScope(request);
    }

    private static @Nullable ClientScope sessionScope(HttpSession session) {
        try {
            if (session.getAttribute(SESSION_ATTRIBUTE) instanceof ClientScope scope) {
                return scope;
            }
            synchronized (CREATION_LOCK) {
                if (session.getAttribute(SESSION_ATTRIBUTE) instanceof ClientScope scope) {
                    return scope;
                }
                ClientScope created = ClientScope.create();
                session.setAttribute(SESSION_ATTRIBUTE, created);
                return created;
            }
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static ClientScope requestScope(ServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof ClientScope scope) {
            return scope;
        }
        synchronized (CREATION_LOCK) {
            if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof ClientScope scope) {
                return scope;
            }
            ClientScope created = ClientScope.create();
            request.setAttribute(REQUEST_ATTRIBUTE, created);
            return created;
        }
    }
}
