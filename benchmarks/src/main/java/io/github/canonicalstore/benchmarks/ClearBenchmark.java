package io.github.canonicalstore.benchmarks;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The time to remove {@value #ENTRIES} entries whose values have all been garbage-collected: the store's
 * {@code cleanUp()} against Caffeine's (weak values). The baseline, {@code CONCURRENT_HASH_MAP}, removes the same
 * number of keys from a map one by one: the least work any map can do to lose that many entries.
 *
 * <p>Before each single shot the map is filled, the values are dropped, and the benchmark waits (unmeasured) until
 * the collector has cleared and enqueued their references. After it, the map must be empty.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ClearBenchmark {
    /** Entries removed per shot. */
    public static final int ENTRIES = 1_000_000;
    /** Every this many values is watched, to know when the collector has enqueued their references. */
    private static final int WATCH_EVERY = 1_000;

    /** The map; {@code CONCURRENT_HASH_MAP} (removal key by key) is the baseline. */
    @Param({"CONCURRENT_HASH_MAP", "CANONICAL_MAP", "CAFFEINE_WEAK_VALUES"})
    public MapKind map;

    private MapKind.Store store;
    private Long @Nullable [] keys;

    /**
     * Fills the map and, for the weak maps, lets the values be collected.
     *
     * @throws InterruptedException if interrupted while waiting for the collector
     */
    @Setup(Level.Iteration)
    public void fill() throws InterruptedException {
        store = map.create();
        boolean strong = map == MapKind.CONCURRENT_HASH_MAP;
        keys = strong ? new Long[ENTRIES] : null;
        ReferenceQueue<Row> watched = new ReferenceQueue<>();
        List<Reference<Row>> watches = new ArrayList<>();
        Row[] values = new Row[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            Long key = (1L << 40) + i;
            values[i] = new Row(key);
            store.insert(key, values[i], MapKind.ENDED);
            if (strong) {
                keys[i] = key;
            } else if (i % WATCH_EVERY == 0) {
                watches.add(new WeakReference<>(values[i], watched));
            }
        }
        if (strong) {
            return;
        }
        values = null;
        int enqueued = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (enqueued < watches.size()) {
            System.gc();
            while (watched.remove(100) != null) {
                enqueued++;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(map + ": values not collected within 30 s");
            }
        }
        Thread.sleep(200); // the reference handler enqueues the rest of the batch it cleared
        Reference.reachabilityFence(watches);
    }

    /**
     * Removes every entry.
     *
     * @return the entries left, 0 (consumed by JMH)
     */
    @Benchmark
    public long clear() {
        if (keys != null) {
            for (Long key : keys) {
                store.remove(key);
            }
        } else {
            store.cleanUp();
        }
        return store.size();
    }

    /** Checks that the map is empty: otherwise the shot did not measure what it says. */
    @TearDown(Level.Iteration)
    public void check() {
        long left = store.size();
        if (left != 0) {
            throw new IllegalStateException(map + ": " + left + " entries left after clearing");
        }
        store = null;
        keys = null;
    }
}
