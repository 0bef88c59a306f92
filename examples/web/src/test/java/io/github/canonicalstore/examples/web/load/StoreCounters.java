package io.github.canonicalstore.examples.web.load;

import tools.jackson.databind.JsonNode;

/**
 * The canonical store's counters as {@code GET /store/statistics} reports them.
 *
 * @param enabled whether the store is on
 * @param hits loads that handed out an existing canonical instance
 * @param misses loads that created one
 * @param isolations loads that got a private instance
 * @param conflicts committed states that could not reach the canonical instance
 * @param releases entries removed after collection
 * @param restores canonical instances put back after a rollback
 * @param propagations committed states written into a canonical instance
 * @param size live canonical instances (not a difference in {@link #minus})
 */
public record StoreCounters(boolean enabled, long hits, long misses, long isolations, long conflicts, long releases,
        long restores, long propagations, long size) {

    /**
     * @param json the endpoint's answer
     * @return its counters
     */
    public static StoreCounters of(JsonNode json) {
        return new StoreCounters(json.path("enabled").asBoolean(), json.path("hits").asLong(),
                json.path("misses").asLong(), json.path("isolations").asLong(), json.path("conflicts").asLong(),
                json.path("releases").asLong(), json.path("restores").asLong(), json.path("propagations").asLong(),
                json.path("size").asLong());
    }

    /**
     * @param earlier counters read before these
     * @return what was counted in between; the size is this one's
     */
    public StoreCounters minus(StoreCounters earlier) {
        return new StoreCounters(enabled, hits - earlier.hits, misses - earlier.misses,
                isolations - earlier.isolations, conflicts - earlier.conflicts, releases - earlier.releases,
                restores - earlier.restores, propagations - earlier.propagations, size);
    }

    /**
     * @return {@code hits / (hits + misses + isolations)}: the share of loads that got an instance another load had
     *     made, 0 if there was no load
     */
    public double sharingRatio() {
        long loads = hits + misses + isolations;
        return loads == 0 ? 0 : (double) hits / loads;
    }
}
