package io.github.canonicalstore.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import io.github.canonicalstore.internal.store.Admission;
import io.github.canonicalstore.internal.store.CanonicalMap;
import io.github.canonicalstore.internal.store.Owner;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The maps that the store-alone benchmarks compare, behind one small interface: {@code ConcurrentHashMap} (strong
 * values: the upper bound of a concurrent lookup), the store's {@link CanonicalMap} (through {@code get} and
 * {@code putIfAbsent}, and through {@code claim}, the operation every Hibernate load calls), Caffeine with weak
 * values and Guava's weak interner.
 */
public enum MapKind {
    /** {@code ConcurrentHashMap<Long, Row>}: the upper bound. */
    CONCURRENT_HASH_MAP {
        @Override
        Store create() {
            ConcurrentHashMap<Long, Row> map = new ConcurrentHashMap<>();
            return new Store() {
                @Override
                public @Nullable Row lookup(Long key, Row probe, Owner owner) {
                    return map.get(key);
                }

                @Override
                public Row insert(Long key, Row row, Owner owner) {
                    Row old = map.putIfAbsent(key, row);
                    return old == null ? row : old;
                }

                @Override
                public void remove(Long key) {
                    map.remove(key);
                }

                @Override
                public long size() {
                    return map.size();
                }

                @Override
                public Object target() {
                    return map;
                }
            };
        }
    },
    /** The store's {@code CanonicalMap<Long, Row>}: {@code get} and {@code putIfAbsent}. */
    CANONICAL_MAP {
        @Override
        Store create() {
            return new CanonicalStore(false);
        }
    },
    /** The store's {@code CanonicalMap<Long, Row>}: {@code claim}, as a Hibernate load calls it. */
    CANONICAL_MAP_CLAIM {
        @Override
        Store create() {
            return new CanonicalStore(true);
        }
    },
    /** Caffeine {@code Caffeine.newBuilder().weakValues().build()}: {@code getIfPresent} and {@code putIfAbsent}. */
    CAFFEINE_WEAK_VALUES {
        @Override
        Store create() {
            Cache<Long, Row> cache = Caffeine.newBuilder().weakValues().build();
            return new Store() {
                @Override
                public @Nullable Row lookup(Long key, Row probe, Owner owner) {
                    return cache.getIfPresent(key);
                }

                @Override
                public Row insert(Long key, Row row, Owner owner) {
                    Row old = cache.asMap().putIfAbsent(key, row);
                    return old == null ? row : old;
                }

                @Override
                public void remove(Long key) {
                    cache.invalidate(key);
                }

                @Override
                public long size() {
                    return cache.estimatedSize();
                }

                @Override
                public void cleanUp() {
                    cache.cleanUp();
                }

                @Override
                public Object target() {
                    return cache;
                }
            };
        }
    },
    /** Guava {@code Interners.newWeakInterner()}: {@code intern} of an equal probe. */
    GUAVA_WEAK_INTERNER {
        @Override
        Store create() {
            Interner<Row> interner = Interners.newWeakInterner();
            return new Store() {
                @Override
                public Row lookup(Long key, Row probe, Owner owner) {
                    return interner.intern(probe);
                }

                @Override
                public Row insert(Long key, Row row, Owner owner) {
                    return interner.intern(row);
                }

                @Override
                public void remove(Long key) {
                    throw new UnsupportedOperationException("an interner has no remove");
                }

                @Override
                public long size() {
                    throw new UnsupportedOperationException("an interner has no size");
                }

                @Override
                public Object target() {
                    return interner;
                }
            };
        }
    };

    /**
     * A new, empty map of this kind.
     *
     * @return the map
     */
    abstract Store create();

    /** What the benchmarks do with a map. */
    interface Store {
        /**
         * Looks up a present entry.
         *
         * @param key the key (an object equal to, not the same as, the key it was inserted with)
         * @param probe a row equal to the value (for the interner, which is keyed by the value)
         * @param owner the claimant (for {@code claim})
         * @return the value
         */
        @Nullable Row lookup(Long key, Row probe, Owner owner);

        /**
         * Inserts an absent entry.
         *
         * @param key the key
         * @param row the value
         * @param owner the claimant (for {@code claim})
         * @return the value now mapped
         */
        Row insert(Long key, Row row, Owner owner);

        /**
         * Removes an entry (only maps with strong values need it).
         *
         * @param key the key
         */
        void remove(Long key);

        /** @return the number of entries, dead ones not yet removed included */
        long size();

        /** Removes the entries of collected values now. */
        default void cleanUp() {
        }

        /**
         * Lets go of a claim, as a Hibernate session does for each row it claimed when it closes ({@code claim}
         * only).
         *
         * @param key the key
         * @param owner the owner that claimed it
         */
        default void disown(Long key, Owner owner) {
        }

        /** @return the map itself, for heap measurements */
        Object target();
    }

    /** An owner that no session holds any more, as after a Hibernate session closed. */
    static final Owner ENDED = () -> false;

    private static final class CanonicalStore implements Store {
        private final CanonicalMap<Long, Row> map = new CanonicalMap<>();
        private final boolean claim;

        CanonicalStore(boolean claim) {
            this.claim = claim;
        }

        @Override
        public @Nullable Row lookup(Long key, Row probe, Owner owner) {
            return claim ? map.claim(key, owner, Row.class, () -> probe, Admission.ALWAYS) : map.get(key);
        }

        @Override
        public Row insert(Long key, Row row, Owner owner) {
            if (claim) {
                Row claimed = map.claim(key, owner, Row.class, () -> row, Admission.ALWAYS);
                return claimed == null ? row : claimed;
            }
            return map.putIfAbsent(key, row);
        }

        @Override
        public void remove(Long key) {
            map.remove(key);
        }

        @Override
        public void disown(Long key, Owner owner) {
            map.disown(key, owner);
        }

        @Override
        public long size() {
            return map.rawSize();
        }

        @Override
        public void cleanUp() {
            map.cleanUp();
        }

        @Override
        public Object target() {
            return map;
        }
    }
}
