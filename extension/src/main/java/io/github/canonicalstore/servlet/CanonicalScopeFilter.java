package io.github.canonicalstore.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Makes the current request visible to {@link HttpSessionScopeResolver} on the thread that handles it, for as long as
 * the rest of the filter chain and the servlet run.
 *
 * <p>Map it to every URL, ahead of any filter that opens a Hibernate session (a security filter that loads users,
 * for example): sessions opened before it, or on other threads, work in the factory scope. Map it for the
 * {@code ASYNC} dispatcher too if asynchronous requests open sessions when they resume; a nested dispatch
 * ({@code FORWARD}, {@code INCLUDE}) on the same thread is harmless, since the outer request becomes current again
 * when it returns. The package documentation shows {@code web.xml} and {@code @WebFilter} registrations.
 *
 * <p>Stateless and safe for concurrent use: the request is kept in a thread-local, set before the chain runs and
 * cleared in a {@code finally} block after it, also when the chain throws, so that no request stays reachable from a
 * pooled thread.
 *
 * <p>The class is not final only so that an application can annotate a subclass with {@code @WebFilter}; the
 * subclass should add nothing.
 *
 * @since 0.1.0
 */
public class CanonicalScopeFilter implements Filter {

    /** Creates the filter; it needs no configuration. */
    public CanonicalScopeFilter() {
    }

    /**
     * Runs the rest of the chain with {@code request} as the current request of this thread.
     *
     * @param request the request; an {@code HttpServletRequest} lets the resolver find its HTTP session
     * @param response the response, passed on unchanged
     * @param chain the rest of the chain
     * @throws IOException if the chain throws it
     * @throws ServletException if the chain throws it
     * @throws NullPointerException if {@code request} is {@code null}
     */
    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Objects.requireNonNull(request, "request");
        ServletRequest outer = CurrentRequest.enter(request);
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentRequest.restore(outer);
        }
    }
}
