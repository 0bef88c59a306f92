package io.github.canonicalstore.internal.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * The store's monotonic event counters.
 *
 * <p>Thread-safe; each counter is a {@link LongAdder}, so increments from many loading threads do not contend
 * and a read is a sum that may miss increments made concurrently with it.
 */
public final class StoreCounters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder isolations = new LongAdder();
    final LongAdder releases = new LongAdder();
    final LongAdder pins = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder restores = new LongAdder();
    private final LongAdder propagations = new LongAdder();

    /** @return loads that handed out an existing canonical instance */
    public long hits() {
        return hits.sum();
    }

    /** @return loads that created a canonical instance */
    public long misses() {
        return misses.sum();
    }

    /** @return private instances handed out because the canonical one could not be used */
    public long isolations() {
        return isolations.sum();
    }

    /** @return entries removed after their instance was garbage-collected */
    public long releases() {
        return releases.sum();
    }

    /** @return pins held now, over all entries */
    public long pins() {
        return pins.sum();
    }

    /** @return committed states that could not be written into a canonical instance */
    public long conflicts() {
        return conflicts.sum();
    }

    /** @return canonical instances put back to their committed state after a rollback */
    public long restores() {
        return restores.sum();
    }

    /** @return committed states written into canonical instances by commits through other instances */
    public long propagations() {
        return propagations.sum();
    }

    /** Counts one private instance handed out instead of the canonical one. */
    public void recordIsolation() {
        isolations.increment();
    }

    /** Counts one committed state that could not be written into its canonical instance. */
    public void recordConflict() {
        conflicts.increment();
    }

    /** Counts one canonical instance restored after a rollback. */
    public void recordRestore() {
        restores.increment();
    }

    /** Counts one committed state written into a canonical instance. */
    public void recordPropagation() {
        propagations.increment();
    }
}
