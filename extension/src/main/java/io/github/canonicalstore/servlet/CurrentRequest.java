package io.github.canonicalstore.servlet;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The request that {@link CanonicalScopeFilter} is passing down the chain on the calling thread, for
 * {@link HttpSessionScopeResolver}. One static thread-local, as Spring's {@code RequestContextHolder}: Hibernate
 * creates the resolver from its class name, so the filter cannot hand the request to a particular instance.
 */
final class CurrentRequest {

    private static final ThreadLocal<ServletRequest> REQUEST = new ThreadLocal<>();

    private CurrentRequest() {
    }

    /** @return the request being filtered on this thread, or {@code null} outside a request */
    static @Nullable ServletRequest get() {
        return REQUEST.get();
    }

    /**
     * Makes {@code request} the current one.
     *
     * @return the request that was current before, to give back to {@link #restore}
     */
    static @Nullable ServletRequest enter(ServletRequest request) {
        ServletRequest outer = REQUEST.get();
        REQUEST.set(request);
        return outer;
    }

    /** Makes {@code outer} current again; {@code null} clears the thread-local, leaving nothing on pooled threads. */
    static void restore(@Nullable ServletRequest outer) {
        if (outer == null) {
            REQUEST.remove();
        } else {
            REQUEST.set(outer);
        }
    }
}
