package io.github.canonicalstore.examples.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every visitor an HTTP session on the first request, as an application with a login keeps one per user.
 * The pages themselves need none; with {@code canonical-store.scope=http-session} (profile {@code client-scope}) the
 * session is what makes a visitor's requests one client, with canonical instances of its own. Without it each
 * request would be a scope of its own. Thread-safe (stateless).
 */
@Component
public class VisitorSessionFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getSession(true);
        chain.doFilter(request, response);
    }
}
