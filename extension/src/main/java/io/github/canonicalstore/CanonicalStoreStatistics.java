package io.github.canonicalstore;

/**
 * A snapshot of a {@link CanonicalStore}'s counters since its SessionFactory was built.
 *
 * <p>Immutable and thread-safe. Each counter is read separately from concurrently updated counters, so the
 * values of one snapshot need not add up exactly while loads are running.
 *
 * @since 0.1.0
 */
public final class CanonicalStoreStatistics {
    private final long hits;
    private final long misses;
    private final long isolations;
    private final long releases;

    private CanonicalStoreStatistics(long hits, long misses, long isolations, long releases) {
        this.hits = hits;
        this.misses = misses;
        this.isolations = isolations;
        this.releases = releases;
    }

    /**
     * Creates a snapshot; for the store's implementation and for tests.
     *
     * @param hits loads that handed out an existing canonical instance, at least 0
     * @param misses loads that created a canonical instance, at least 0
     * @param isolations private instances handed out instead of the canonical one, at least 0
     * @param releases entries removed after their instance was garbage-collected, at least 0
     * @return the snapshot
     * @throws IllegalArgumentException if a count is negative
     */
    public static CanonicalStoreStatistics of(long hits, long misses, long isolations, long releases) {
        if (hits < 0 || misses < 0 || isolations < 0 || releases < 0) {
            throw new IllegalArgumentException("counts must be at least 0, got hits=" + hits + ", misses="
                    + misses + ", isolations=" + isolations + ", releases=" + releases);
        }
        return new CanonicalStoreStatistics(hits, misses, isolations, releases);
    }

    /** @return loads (in any session) that handed out an existing canonical instance */
    public long hits() {
        return hits;
    }

    /** @return loads that created a new canonical instance */
    public long misses() {
        return misses;
    }

    /**
     * @return private instances handed out because the canonical instance was owned by another open session
     *     (SEMANTICS rule 3); under {@code conflict=fail} these loads threw instead and are not counted
     */
    public long isolations() {
        return isolations;
    }

    /** @return entries removed after their canonical instance was garbage-collected */
    public long releases() {
        return releases;
    }

    /** @return the number of loads that handed out a canonical instance, {@code hits() + misses()} */
    public long canonicalLoads() {
        return hits + misses;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalStoreStatistics that
                && hits == that.hits
                && misses == that.misses
                && isolations == that.isolations
                && releases == that.releases;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hits) * 31 * 31 * 31
                + Long.hashCode(misses) * 31 * 31
                + Long.hashCode(isolations) * 31
                + Long.hashCode(releases);
    }

    @Override
    public String toString() {
        return "CanonicalStoreStatistics[hits=" + hits + ", misses=" + misses + ", isolations=" + isolations
                + ", releases=" + releases + "]";
    }
}
