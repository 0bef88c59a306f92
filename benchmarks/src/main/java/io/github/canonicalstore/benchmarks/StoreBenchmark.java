package io.github.canonicalstore.benchmarks;

import io.github.canonicalstore.internal.store.Owner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The store alone, without Hibernate: lookups of present keys and inserts of absent keys, with one and two threads,
 * for each {@link MapKind}; {@code CONCURRENT_HASH_MAP} is the baseline (strong values, no reference processing).
 *
 * <ul>
 *   <li>Lookups: {@value #ENTRIES} entries (by default) whose values are held strongly by the benchmark; each
 *       operation looks up a random one with a key that is equal to, not the same object as, the inserted key (a
 *       Hibernate load makes a new key too). {@code CANONICAL_MAP_CLAIM} claims it as a session of {@value #CLAIMS_PER_OWNER} loads would,
 *       and lets go of its claims when that session ends (the cost per load of a claim and a disown).
 *   <li>Inserts: each thread inserts new keys and keeps the last {@value #LIVE_PER_THREAD} values reachable; older
 *       values become garbage, and the weak maps remove their entries as they do in use (the store during its
 *       writes). {@code CONCURRENT_HASH_MAP} removes the oldest key itself, since nothing else would.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {
    /** Entries of the lookup benchmarks by default; a power of two. */
    public static final int ENTRIES = 1 << 17;
    /** Values each inserting thread keeps reachable; a power of two. */
    public static final int LIVE_PER_THREAD = 1 << 14;
    /** Claims per owner in {@code CANONICAL_MAP_CLAIM} lookups: the loads of one session. */
    public static final int CLAIMS_PER_OWNER = 1024;

    /** Keys above the range of {@code Long.valueOf}'s cache, so every boxing makes a new key object. */
    private static final long KEY_BASE = 1L << 40;
    private static final AtomicLong INSERTERS = new AtomicLong();

    /** The map under test. */
    @State(Scope.Benchmark)
    public static class Maps {
        /** The map; {@code CONCURRENT_HASH_MAP} is the baseline. */
        @Param({"CONCURRENT_HASH_MAP", "CANONICAL_MAP", "CANONICAL_MAP_CLAIM", "CAFFEINE_WEAK_VALUES",
                "GUAVA_WEAK_INTERNER"})
        public MapKind map;

        MapKind.Store store;
    }

    /** A map filled with {@link #entries} entries, and equal probes for each. */
    @State(Scope.Benchmark)
    public static class Filled extends Maps {
        /**
         * Entries of the map; a power of two. The default, {@value #ENTRIES}, is a store of a large client (its
         * entries do not fit in the CPU caches); {@code -p entries=4096} shows the cost of the code alone.
         */
        @Param({"131072"})
        public int entries;

        Row[] values;
        Long[] probeKeys;
        Row[] probeRows;

        /** Fills the map. */
        @Setup(Level.Trial)
        public void fill() {
            if (Integer.bitCount(entries) != 1) {
                throw new IllegalArgumentException("entries must be a power of two, not " + entries);
            }
            store = map.create();
            values = new Row[entries];
            probeKeys = new Long[entries];
            probeRows = new Row[entries];
            for (int i = 0; i < entries; i++) {
                long id = KEY_BASE + i;
                values[i] = new Row(id);
                if (store.insert(id, values[i], MapKind.ENDED) != values[i]) {
                    throw new IllegalStateException(map + " did not insert " + id);
                }
            }
            for (int i = 0; i < entries; i++) {
                probeKeys[i] = KEY_BASE + i;
                probeRows[i] = new Row(KEY_BASE + i);
            }
        }
    }

    /** An empty map. */
    @State(Scope.Benchmark)
    public static class Empty extends Maps {
        /** Creates the map. */
        @Setup(Level.Trial)
        public void create() {
            store = map.create();
        }
    }

    /** One thread's random position, its current owner and what that owner claimed. */
    @State(Scope.Thread)
    public static class Cursor {
        private int seed;
        private int claims;
        private Owner owner = new EndedSession();
        private final int[] claimed = new int[CLAIMS_PER_OWNER];

        /** Seeds the thread's random sequence. */
        @Setup(Level.Trial)
        public void seed() {
            seed = ThreadLocalRandom.current().nextInt() | 1;
        }

        int next(int entries) {
            int x = seed; // xorshift32: cheap next to a map lookup, and no shared state between threads
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            seed = x;
            return x & (entries - 1);
        }

        /**
         * The owner of the next lookup, which will be of entry {@code index}: after {@value #CLAIMS_PER_OWNER}
         * lookups the owner's session ends, lets go of what it claimed (as a closing Hibernate session does) and a
         * new one starts.
         */
        Owner owner(Filled maps, int index) {
            if (maps.map != MapKind.CANONICAL_MAP_CLAIM) {
                return MapKind.ENDED; // the other maps have no owners: no bookkeeping for them
            }
            if (claims == CLAIMS_PER_OWNER) {
                for (int i : claimed) {
                    maps.store.disown(maps.probeKeys[i], owner);
                }
                claims = 0;
                owner = new EndedSession();
            }
            claimed[claims++] = index;
            return owner;
        }
    }

    /** One inserting thread's keys and the values it keeps reachable. */
    @State(Scope.Thread)
    public static class Inserter {
        private long base;
        private long next;
        private final Row[] live = new Row[LIVE_PER_THREAD];
        private final Long[] liveKeys = new Long[LIVE_PER_THREAD];
        private final Owner owner = new EndedSession();

        /** Gives the thread its own key range. */
        @Setup(Level.Trial)
        public void range() {
            base = KEY_BASE + (INSERTERS.incrementAndGet() << 36);
        }
    }

    /** A session that has ended: its claims may be taken over. */
    static final class EndedSession implements Owner {
        @Override
        public boolean isActive() {
            return false;
        }
    }

    /**
     * Looks up a random present key, one thread.
     *
     * @param maps the filled map
     * @param cursor the thread's position
     * @return the value (consumed by JMH)
     */
    @Benchmark
    @Threads(1)
    public @Nullable Row lookupOneThread(Filled maps, Cursor cursor) {
        return lookup(maps, cursor);
    }

    /**
     * Looks up a random present key, two threads.
     *
     * @param maps the filled map
     * @param cursor the thread's position
     * @return the value (consumed by JMH)
     */
    @Benchmark
    @Threads(2)
    public @Nullable Row lookupTwoThreads(Filled maps, Cursor cursor) {
        return lookup(maps, cursor);
    }

    /**
     * Inserts an absent key, one thread.
     *
     * @param maps the map
     * @param inserter the thread's keys
     * @return the value (consumed by JMH)
     */
    @Benchmark
    @Threads(1)
    public Row insertOneThread(Empty maps, Inserter inserter) {
        return insert(maps, inserter);
    }

    /**
     * Inserts an absent key, two threads.
     *
     * @param maps the map
     * @param inserter the thread's keys
     * @return the value (consumed by JMH)
     */
    @Benchmark
    @Threads(2)
    public Row insertTwoThreads(Empty maps, Inserter inserter) {
        return insert(maps, inserter);
    }

    private static @Nullable Row lookup(Filled maps, Cursor cursor) {
        int i = cursor.next(maps.entries);
        return maps.store.lookup(maps.probeKeys[i], maps.probeRows[i], cursor.owner(maps, i));
    }

    private static Row insert(Empty maps, Inserter inserter) {
        long n = inserter.next++;
        int slot = (int) (n & (LIVE_PER_THREAD - 1));
        Long key = inserter.base + n;
        Row row = new Row(key);
        Row mapped = maps.store.insert(key, row, inserter.owner);
        Long oldest = inserter.liveKeys[slot];
        if (oldest != null && maps.map == MapKind.CONCURRENT_HASH_MAP) {
            maps.store.remove(oldest); // strong values: nothing else would ever remove it
        }
        inserter.live[slot] = row;
        inserter.liveKeys[slot] = key;
        return mapped;
    }
}
