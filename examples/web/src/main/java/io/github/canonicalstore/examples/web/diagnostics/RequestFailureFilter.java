package io.github.canonicalstore.examples.web.diagnostics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every exception that escapes a request into {@link RequestFailures}, then lets it go on to the container
 * (an error page, or a cut-off page if rendering had already sent part of it).
 */
@Component
public class RequestFailureFilter extends OncePerRequestFilter {
    private final RequestFailures failures;

    /** @param failures where failures are counted */
    public RequestFailureFilter(RequestFailures failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            failures.record(request.getRequestURI(), e);
            throw e;
        }
    }
}
