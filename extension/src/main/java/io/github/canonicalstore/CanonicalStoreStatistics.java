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
    private final long conflicts;
    private final long restores;
    private final long propagations;
    private final long pins;

    private CanonicalStoreStatistics(long hits, long misses, long isolations, long releases, long conflicts,
            long restores, long propagations, long pins) {
        this.hits = hits;
        this.misses = misses;
        this.isolations = isolations;
        this.releases = releases;
        this.conflicts = conflicts;
        this.restores = restores;
        this.propagations = propagations;
        this.pins = pins;
    }

    /**
     * Creates a snapshot; for the store's implementation and for tests.
     *
     * @param hits loads that handed out an existing canonical instance, at least 0
     * @param misses loads that created a canonical instance, at least 0
     * @param isolations private instances handed out instead of the canonical one, at least 0
     * @param releases entries removed after their instance was garbage-collected, at least 0
     * @param conflicts committed states that could not be written into the canonical instance, at least 0
     * @param restores canonical instances put back to their committed state after a rollback, at least 0
     * @param propagations committed states written into canonical instances after commit, at least 0
     * @param pins pins held now, at least 0
     * @return the snapshot
     * @throws IllegalArgumentException if a count is negative
     */
    public static CanonicalStoreStatistics of(long hits, long misses, long isolations, long releases,
            long conflicts, long restores, long propagations, long pins) {
        if (hits < 0 || misses < 0 || isolations < 0 || releases < 0 || conflicts < 0 || restores < 0
                || propagations < 0 || pins < 0) {
            throw new IllegalArgumentException("counts must be at least 0, got " + new CanonicalStoreStatistics(
                    hits, misses, isolations, releases, conflicts, restores, propagations, pins));
        }
        return new CanonicalStoreStatistics(hits, misses, isolations, releases, conflicts, restores,
                propagations, pins);
    }

    /** {@return loads (in any session) that handed out an existing canonical instance} */
    public long hits() {
        return hits;
    }

    /** {@return loads that created a new canonical instance} */
    public long misses() {
        return misses;
    }

    /**
     * {@return private instances handed out because the canonical instance was owned by another open session
     *     (SEMANTICS rule 3) or had pending edits (rule 4); under {@code conflict=fail} these loads threw instead
     *     and are not counted}
     */
    public long isolations() {
        return isolations;
    }

    /** {@return entries removed after their canonical instance was garbage-collected} */
    public long releases() {
        return releases;
    }

    /**
     * {@return committed states that could not be written into a canonical instance because another open session
     *     owned it or it had pending edits (rule 5)}
     */
    public long conflicts() {
        return conflicts;
    }

    /** {@return canonical instances put back to their last committed state after a rollback (rule 6)} */
    public long restores() {
        return restores;
    }

    /** {@return committed states written into a canonical instance by a commit through another instance (rule 5)} */
    public long propagations() {
        return propagations;
    }

    /** {@return the pins held now, summed over all canonical instances ({@link CanonicalStore#retain})} */
    public long pins() {
        return pins;
    }

    /** {@return the number of loads that handed out a canonical instance, {@code hits() + misses()}} */
    public long canonicalLoads() {
        return hits + misses;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalStoreStatistics that
                && hits == that.hits
                && misses == that.misses
                && isolations == that.isolations
                && releases == that.releases
                && conflicts == that.conflicts
                && restores == that.restores
                && propagations == that.propagations
                && pins == that.pins;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(hits, misses, isolations, releases, conflicts, restores, propagations, pins);
    }

    @Override
    public String toString() {
        return "CanonicalStoreStatistics[hits=" + hits + ", misses=" + misses + ", isolations=" + isolations
                + ", releases=" + releases + ", conflicts=" + conflicts + ", restores=" + restores
                + ", propagations=" + propagations + ", pins=" + pins + "]";
    }
}
