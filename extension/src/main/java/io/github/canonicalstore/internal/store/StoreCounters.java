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

    /** Counts one private instance handed out instead of the canonical one. */
    public void recordIsolation() {
        isolations.increment();
    }
}
