package io.github.canonicalstore.examples.web.diagnostics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong inside the server, as JSON.
 *
 * @param requestFailures exceptions that escaped requests, by kind
 * @param foreignSessionUses how many loads ran through another thread's session
 * @param foreignSessionSamples the first of those
 * @param connectionPool the connection pool now, or {@code null} if the data source is not a Hikari pool
 */
public record Diagnostics(List<RequestFailure> requestFailures, long foreignSessionUses,
        List<ForeignSessionUse> foreignSessionSamples, @Nullable ConnectionPool connectionPool) {
}
