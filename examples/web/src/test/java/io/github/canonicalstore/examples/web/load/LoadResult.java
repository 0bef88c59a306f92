package io.github.canonicalstore.examples.web.load;

import java.time.Duration;

/**
 * What one configuration's run found.
 *
 * @param configuration the configuration
 * @param settings the load it got
 * @param tally what the clients saw, in every phase
 * @param storeDuringLoad the store's counters of the concurrent phase alone (size: at its end)
 * @param server what the server counted from its start to the end of the run
 * @param loadTime how long the concurrent phase took
 */
public record LoadResult(LoadConfiguration configuration, LoadSettings settings, TallyCounts tally,
        StoreCounters storeDuringLoad, ServerSnapshot server, Duration loadTime) {

    /**
     * @return whether nothing went wrong: no error, wrong page, failed request, foreign session use or connection
     *     left in use, and no leak where the configuration keeps uncommitted edits with their client
     *     ({@link LoadConfiguration#sharesUncommittedEdits()})
     */
    public boolean clean() {
        return tally.errors() == 0 && tally.wrongPages() == 0
                && (tally.leaks() == 0 || configuration.sharesUncommittedEdits())
                && server.foreignSessionUses() == 0 && server.failures().isEmpty() && server.connectionsInUse() <= 0;
    }
}
