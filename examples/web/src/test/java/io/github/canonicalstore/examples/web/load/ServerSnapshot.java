package io.github.canonicalstore.examples.web.load;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server counted: the store's statistics and its diagnostics (exceptions that escaped requests, loads
 * through another thread's session).
 *
 * @param store the store's counters
 * @param failures exceptions that escaped requests since the start, the most frequent first
 * @param foreignSessionUses loads through another thread's session since the start
 * @param foreignSessionSamples the first of those, described
 * @param connectionsInUse connections the pool had handed out and not got back when it was read, or -1 if unknown
 */
public record ServerSnapshot(StoreCounters store, List<ServerFailure> failures, long foreignSessionUses,
        List<String> foreignSessionSamples, long connectionsInUse) {

    /**
     * Reads {@code GET /store/statistics} and {@code GET /diagnostics}.
     *
     * @param client a client of the application
     * @return what they report
     * @throws IllegalStateException if either does not answer with 200
     */
    public static ServerSnapshot read(PageClient client) {
        JsonNode statistics = json(client, "/store/statistics");
        JsonNode diagnostics = json(client, "/diagnostics");
        List<ServerFailure> failures = new ArrayList<>();
        for (JsonNode failure : diagnostics.path("requestFailures")) {
            failures.add(new ServerFailure(failure.path("signature").asString(), failure.path("count").asLong(),
                    failure.path("example").asString(), failure.path("chain").asString(),
                    failure.path("firstPath").asString(),
                    failure.path("rootFrames").asString()));
        }
        List<String> samples = new ArrayList<>();
        for (JsonNode use : diagnostics.path("foreignSessionSamples")) {
            samples.add(use.path("entity").asString() + " loaded on " + use.path("loadingThread").asString()
                    + " through the session of " + use.path("sessionThread").asString());
        }
        return new ServerSnapshot(StoreCounters.of(statistics), failures,
                diagnostics.path("foreignSessionUses").asLong(), samples,
                diagnostics.path("connectionPool").path("active").asLong(-1));
    }

    private static JsonNode json(PageClient client, String path) {
        PageResponse response = client.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.describe());
        }
        return JsonMapper.shared().readTree(response.body());
    }
}
