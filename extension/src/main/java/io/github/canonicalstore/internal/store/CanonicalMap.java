package io.github.canonicalstore.internal.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A concurrent map from key to the one canonical instance for that key, holding instances weakly.
 *
 * <p><b>Thread safety.</b> Every method is safe for concurrent use. {@link #claim} is atomic per key: two
 * threads that claim the same absent key end with one canonical instance, and at most one of them is its owner.
 * Publishing an instance through the map happens-before any thread obtaining it from the map (the map is a
 * {@link ConcurrentHashMap}; entries are immutable apart from their owner and pins).
 *
 * <p><b>Identity.</b> Keys are compared with {@code equals}; instances with {@code ==}. The map never calls an
 * instance's {@code equals} or {@code hashCode}.
 *
 * <p><b>Memory.</b> An instance is held only by a {@link WeakReference}, plus a strong reference while it is
 * pinned ({@link #retain}). Entries whose instance was collected are removed by the calling threads, during
 * writes and reads that find the reference queue non-empty, and by {@link #cleanUp()}: no background thread.
 *
 * <p>Ideas from Caffeine's {@code References.WeakValueReference}, Guava's {@code MapMakerInternalMap}
 * (weak value that carries its key, conditional removal) and can.Model's store ({@code _bindings} pins).
 *
 * @param <K> key type; must be immutable with value-based {@code equals}/{@code hashCode}
 * @param <V> instance type
 */
public final class CanonicalMap<K, V> {
    /*
     * Design
     * ------
     * map: key -> Entry. An Entry is a WeakReference to the instance that remembers its key, so that a reference
     * polled from the queue removes exactly its own mapping with map.remove(key, entry): a newer entry for the
     * same key (the row was loaded again after the old instance died) is never removed by an old reference.
     *
     * An entry also names its owner (the one open session that may manage the instance) and counts pins; while
     * pinned it keeps a strong reference to the instance. The owner needs no strong reference here: the owner's
     * persistence context already holds the instance strongly.
     *
     * Cleanup is amortised over callers: a read or write drains only if the reference queue is non-empty, which
     * costs one volatile read when it is empty (ReferenceQueue.poll's fast path). A drain runs only under tryLock
     * (a caller never waits for another thread's drain) and removes at most DRAIN_BATCH entries, so no single load
     * pays for a whole garbage-collection cycle. An entry removed explicitly (remove, clear) has its reference
     * cleared, so that the collector never enqueues it and no drain has to look it up again.
     */

    /**
     * Dead entries removed per drain. 1,024 conditional removals take tens of microseconds, small next to a
     * database round trip, and clear a million dead entries within about a thousand writes.
     */
    static final int DRAIN_BATCH = 1024;

    private final ConcurrentHashMap<K, Entry<K, V>> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<V> queue = new ReferenceQueue<>();
    private final ReentrantLock drainLock = new ReentrantLock();
    private final StoreCounters counters;
    private final BiConsumer<? super K, @Nullable Object> onRelease;

    /** Creates an empty map with its own counters that reports nothing on release. */
    public CanonicalMap() {
        this(new StoreCounters(), (key, attachment) -> { });
    }

    /**
     * Creates an empty map.
     *
     * @param counters where hits, misses, releases and pins are counted
     * @param onRelease called with the key and the last attachment of each entry removed after its instance was
     *     collected, on the thread that drains; it must not block, and must not call back into this map
     */
    public CanonicalMap(StoreCounters counters, BiConsumer<? super K, @Nullable Object> onRelease) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.onRelease = Objects.requireNonNull(onRelease, "onRelease");
    }

    /** @return this map's counters */
    public StoreCounters counters() {
        return counters;
    }

    /**
     * Hands out the canonical instance for {@code key} to {@code owner}, creating it if none is alive.
     *
     * <p>If a live canonical instance of exactly class {@code type} exists, is not owned by another active owner
     * and is not {@code busy}, {@code owner} becomes its owner and it is returned (a hit). If none is alive, or
     * the live one has another class and no active owner (the row changed subclass), {@code factory}'s instance
     * becomes canonical, owned by {@code owner} (a miss). Otherwise nothing changes and {@code null} is returned:
     * the caller then hands out a private instance.
     *
     * @param key the key
     * @param owner the claimant
     * @param type the exact class the caller needs
     * @param factory makes a new instance of class {@code type}; called at most once per attempt, outside any lock
     * @param admission whether a live instance that {@code owner} does not own yet may be taken over now (for
     *     example, not if its previous owner has not finished letting go of it, or it has unsaved changes); given the
     *     instance and its entry's {@linkplain #attachment attachment}, asked without any lock, and asked again if
     *     another claimant took the entry over between the answer and this claimant's take-over
     * @return the canonical instance, now owned by {@code owner}, or {@code null} if another active owner holds it
     *     or it is busy
     */
    public @Nullable V claim(K key, Owner owner, Class<?> type, Supplier<? extends V> factory,
            Admission<? super V> admission) {
        V created = null;
        for (;;) {
            Entry<K, V> current = map.get(key);
            if (current != null) {
                V live = current.get();
                if (live != null) {
                    if (live.getClass() == type) {
                        TakeOver result = current.tryClaim(live, owner, admission);
                        if (result == TakeOver.STALE) {
                            continue; // another owner came (and may have gone) since the admission check: ask again
                        }
                        if (result == TakeOver.TAKEN) {
                            counters.hits.increment();
                            drainIfCollected();
                            return live;
                        }
                        return null;
                    }
                    if (current.isHeldByOther(owner)) {
                        return null;
                    }
                }
                if (created == null) {
                    created = factory.get();
                }
                if (map.replace(key, current, new Entry<>(key, created, queue, owner))) {
                    counters.misses.increment();
                    drainIfCollected();
                    return created;
                }
            } else {
                if (created == null) {
                    created = factory.get();
                }
                if (map.putIfAbsent(key, new Entry<>(key, created, queue, owner)) == null) {
                    counters.misses.increment();
                    drainIfCollected();
                    return created;
                }
            }
        }
    }

    /**
     * Makes {@code instance} canonical for {@code key}, owned by {@code owner}, if no live canonical instance
     * exists; otherwise changes nothing.
     *
     * @param key the key
     * @param instance the instance to adopt
     * @param owner its owner
     * @return whether {@code instance} became canonical by this call
     */
    public boolean adopt(K key, V instance, Owner owner) {
        Entry<K, V> current = map.get(key);
        if (current != null && current.get() != null) {
            return false; // the common case: the instance is canonical already, or another one is
        }
        if (install(key, instance, owner) != instance) {
            return false;
        }
        counters.misses.increment();
        return true;
    }

    /**
     * The attachment of the entry whose canonical instance is {@code instance}: data the caller keeps with the
     * instance, such as the row's last committed state.
     *
     * @param key the key
     * @param instance the canonical instance
     * @return the attachment, or {@code null} if there is none or {@code instance} is not canonical for {@code key}
     */
    public @Nullable Object attachment(K key, Object instance) {
        Entry<K, V> entry = map.get(key);
        return entry != null && entry.get() == instance ? entry.attachment : null;
    }

    /**
     * Replaces the attachment of the entry whose canonical instance is {@code instance} with
     * {@code update.apply(current attachment)}, in one lookup. Not atomic with concurrent attachment changes; the
     * caller owns the entry.
     *
     * @param key the key
     * @param instance the canonical instance
     * @param update computes the new attachment from the current one (which may be {@code null})
     * @return whether {@code instance} is canonical for {@code key} (otherwise nothing changed)
     */
    public boolean updateAttachment(K key, Object instance, UnaryOperator<@Nullable Object> update) {
        Entry<K, V> entry = map.get(key);
        if (entry == null || entry.get() != instance) {
            return false;
        }
        entry.attachment = update.apply(entry.attachment);
        return true;
    }

    /**
     * Replaces the attachment of the entry whose canonical instance is {@code instance}.
     *
     * @param key the key
     * @param instance the canonical instance
     * @param attachment the new attachment, or {@code null} for none
     * @return whether {@code instance} is canonical for {@code key} (otherwise nothing changed)
     */
    public boolean attach(K key, Object instance, @Nullable Object attachment) {
        Entry<K, V> entry = map.get(key);
        if (entry == null || entry.get() != instance) {
            return false;
        }
        entry.attachment = attachment;
        return true;
    }

    /**
     * The owner of the entry for {@code key}.
     *
     * @param key the key
     * @return its owner, active or not, or {@code null} if it has none or there is no entry
     */
    public @Nullable Owner owner(K key) {
        Entry<K, V> entry = map.get(key);
        return entry == null ? null : entry.owner;
    }

    /**
     * Makes {@code owner} the owner of the live canonical instance {@code instance} of {@code key}, unless another
     * active owner holds it or it is {@code busy}. Never creates an entry.
     *
     * @param key the key
     * @param instance the canonical instance expected
     * @param owner the claimant
     * @param admission as for {@link #claim}
     * @return whether {@code owner} now owns {@code instance}
     */
    public boolean claimExisting(K key, Object instance, Owner owner, Admission<? super V> admission) {
        Entry<K, V> entry = map.get(key);
        if (entry == null) {
            return false;
        }
        for (;;) {
            V live = entry.get();
            if (live != instance) {
                return false;
            }
            TakeOver result = entry.tryClaim(live, owner, admission);
            if (result != TakeOver.STALE) {
                return result == TakeOver.TAKEN;
            }
        }
    }

    /**
     * Gives up {@code owner}'s claim on the entry for {@code key}, if it has one.
     *
     * @param key the key
     * @param owner the owner that lets go
     * @return whether {@code owner} owned the entry
     */
    public boolean disown(K key, Owner owner) {
        Entry<K, V> entry = map.get(key);
        return entry != null && entry.disown(owner);
    }

    /**
     * Whether an active owner other than {@code asker} holds the entry for {@code key}.
     *
     * @param key the key
     * @param asker the owner asking, or {@code null} for none
     * @return {@code true} if another active owner holds it
     */
    public boolean isHeldByOther(K key, @Nullable Owner asker) {
        Entry<K, V> entry = map.get(key);
        return entry != null && entry.get() != null && entry.isHeldByOther(asker);
    }

    /**
     * The live canonical instance for {@code key}.
     *
     * @param key the key
     * @return the instance, or {@code null} if none is alive
     */
    public @Nullable V get(K key) {
        Entry<K, V> entry = map.get(key);
        drainIfCollected();
        return entry == null ? null : entry.get();
    }

    /**
     * Makes {@code candidate} canonical for {@code key} unless a live canonical instance exists
     * (Backbone.ModelFactory's constructor that never makes two instances with the same id).
     *
     * @param key the key
     * @param candidate the instance to adopt; it gets no owner
     * @return the live canonical instance: the existing one, or {@code candidate}
     */
    public V putIfAbsent(K key, V candidate) {
        return install(key, candidate, null);
    }

    /** Installs {@code candidate} unless a live canonical instance exists; returns the live one after the call. */
    private V install(K key, V candidate, @Nullable Owner owner) {
        Objects.requireNonNull(candidate, "candidate");
        for (;;) {
            Entry<K, V> current = map.get(key);
            if (current != null) {
                V live = current.get();
                if (live != null) {
                    return live;
                }
                if (map.replace(key, current, new Entry<>(key, candidate, queue, owner))) {
                    drainIfCollected();
                    return candidate;
                }
            } else if (map.putIfAbsent(key, new Entry<>(key, candidate, queue, owner)) == null) {
                drainIfCollected();
                return candidate;
            }
        }
    }

    /**
     * Adds a pin to the canonical instance {@code instance} of {@code key}; a pinned instance is held strongly.
     *
     * @param key the key
     * @param instance the instance to pin
     * @return the pin count after the call, at least 1
     * @throws IllegalArgumentException if {@code instance} is not the live canonical instance for {@code key}
     * @throws IllegalStateException if the count would exceed {@link Integer#MAX_VALUE}
     */
    public int retain(K key, Object instance) {
        int pins = requireCanonical(key, instance).retain(instance);
        counters.pins.increment();
        return pins;
    }

    /**
     * Removes a pin from the canonical instance {@code instance} of {@code key}.
     *
     * @param key the key
     * @param instance the pinned instance
     * @return the pin count after the call; at 0 the instance is held weakly again
     * @throws IllegalArgumentException if {@code instance} is not the live canonical instance for {@code key}
     * @throws IllegalStateException if the instance has no pin to release
     */
    public int release(K key, Object instance) {
        int pins = requireCanonical(key, instance).release(instance);
        counters.pins.decrement();
        return pins;
    }

    /**
     * The pin count of the entry for {@code key}.
     *
     * @param key the key
     * @return its pins, 0 if there is no entry
     */
    public int pins(K key) {
        Entry<K, V> entry = map.get(key);
        return entry == null ? 0 : entry.pins();
    }

    /**
     * Removes the entry for {@code key}, whatever its owner and pins. The instance itself is untouched.
     *
     * @param key the key
     * @return the live canonical instance removed, or {@code null} if there was none
     */
    public @Nullable V remove(K key) {
        Entry<K, V> removed = map.remove(key);
        drainIfCollected();
        return removed == null ? null : removed.removed(counters);
    }

    /**
     * Removes every entry, whatever its owner and pins.
     *
     * @param removedLive called with the key and instance of each live entry removed
     */
    public void clear(BiConsumer<? super K, ? super V> removedLive) {
        for (K key : map.keySet()) {
            Entry<K, V> removed = map.remove(key);
            V live = removed == null ? null : removed.removed(counters);
            if (live != null) {
                removedLive.accept(key, live);
            }
        }
        cleanUp();
    }

    /**
     * Counts the live canonical instances. Linear in the number of entries; entries whose instance was collected
     * are not counted, whether or not they have been removed yet.
     *
     * @return the number of live entries
     */
    public int size() {
        int live = 0;
        for (Entry<K, V> entry : map.values()) {
            if (entry.get() != null) {
                live++;
            }
        }
        return live;
    }

    /** @return the number of entries, dead ones not yet removed included; for tests and benchmarks */
    public int rawSize() {
        return map.size();
    }

    /** Removes every entry whose instance has been collected and enqueued so far. Blocks while another drain runs. */
    public void cleanUp() {
        drainLock.lock();
        try {
            drain(Integer.MAX_VALUE);
        } finally {
            drainLock.unlock();
        }
    }

    /** Removes a bounded batch of dead entries unless another thread is draining. Never blocks. */
    public void drainIfUncontended() {
        drainBatch();
    }

    private Entry<K, V> requireCanonical(K key, Object instance) {
        Entry<K, V> entry = map.get(key);
        if (entry == null || entry.get() != instance) {
            throw new IllegalArgumentException(
                    "not the canonical instance for " + key + ": " + describe(instance)
                            + (entry == null || entry.get() == null
                                    ? " (no canonical instance is alive for that key)"
                                    : " (the canonical instance is another object)"));
        }
        return entry;
    }

    private static String describe(Object instance) {
        return instance.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(instance));
    }

    /**
     * Removes the entries of collected instances, if there are any: the queue's poll reads one volatile field
     * while it is empty, so a read or write whose instance is alive takes no lock.
     */
    private void drainIfCollected() {
        Reference<? extends V> polled = queue.poll();
        if (polled != null) {
            expunge(polled);
            drainBatch();
        }
    }

    private void drainBatch() {
        if (drainLock.tryLock()) {
            try {
                drain(DRAIN_BATCH);
            } finally {
                drainLock.unlock();
            }
        }
    }

    private void drain(int max) {
        for (int i = 0; i < max; i++) {
            Reference<? extends V> polled = queue.poll();
            if (polled == null) {
                return;
            }
            expunge(polled);
        }
    }

    /** Removes the entry of a collected instance, unless a newer entry replaced it already. */
    private void expunge(Reference<? extends V> polled) {
        @SuppressWarnings("unchecked") // the queue only ever holds this map's entries
        Entry<K, V> dead = (Entry<K, V>) polled;
        if (map.remove(dead.key, dead)) {
            counters.releases.increment();
            onRelease.accept(dead.key, dead.attachment);
        }
    }

    /** What {@link Entry#tryClaim} did. */
    private enum TakeOver {
        /** The claimant owns the entry now. */
        TAKEN,
        /** Another active owner holds it, or the admission refused the claimant. */
        REFUSED,
        /** The owner changed since the caller's admission check, which must be asked again. */
        STALE
    }

    /** A weak reference to a canonical instance that carries its key, its owner and its pins. */
    private static final class Entry<K, V> extends WeakReference<V> {
        private static final VarHandle OWNER;

        static {
            try {
                OWNER = MethodHandles.lookup().findVarHandle(Entry.class, "owner", Owner.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final K key;
        private volatile @Nullable Owner owner;
        volatile @Nullable Object attachment;
        private int pins; // guarded by this
        private @Nullable V pinned; // guarded by this; the instance, held strongly while pins > 0

        Entry(K key, V instance, ReferenceQueue<V> queue, @Nullable Owner owner) {
            super(instance, queue);
            this.key = key;
            this.owner = owner;
        }

        /**
         * Makes {@code claimant} the owner of {@code live} (this entry's instance) unless another active owner holds
         * it or {@code admission} refuses; the admission is not asked while another active owner holds it (the answer
         * could not change the outcome). The check and the take-over are not atomic: if the owner changed in
         * between, another claimant took the entry (and may have let go of it again, its session still detaching the
         * instance), so the answer is {@link TakeOver#STALE} and the caller must ask again.
         */
        TakeOver tryClaim(V live, Owner claimant, Admission<? super V> admission) {
            Owner seen = owner;
            if (seen == claimant) {
                return TakeOver.TAKEN; // only the claimant's own thread lets go of its claims
            }
            if (seen != null && seen.isActive() || admission.refuses(live, attachment, claimant)) {
                return TakeOver.REFUSED;
            }
            return OWNER.compareAndSet(this, seen, claimant) ? TakeOver.TAKEN : TakeOver.STALE;
        }

        boolean isHeldByOther(@Nullable Owner asker) {
            Owner current = owner;
            return current != null && current != asker && current.isActive();
        }

        boolean disown(Owner former) {
            return OWNER.compareAndSet(this, former, null);
        }

        /**
         * Checks, under this entry's lock, that it still holds {@code instance}: an entry removed after the caller
         * found it (by {@code remove} or {@code clear}, which drop its pins under the same lock) is reported as it
         * would be if the removal had come first.
         */
        private void requireHolds(Object instance) {
            if (get() != instance) {
                throw new IllegalArgumentException("not the canonical instance for " + key + ": " + describe(instance)
                        + " (its entry was removed)");
            }
        }

        synchronized int retain(Object instance) {
            requireHolds(instance);
            if (pins == Integer.MAX_VALUE) {
                throw new IllegalStateException("pin count overflow for " + key);
            }
            if (pins++ == 0) {
                pinned = get();
            }
            return pins;
        }

        synchronized int release(Object instance) {
            requireHolds(instance);
            if (pins == 0) {
                throw new IllegalStateException(
                        "release without a matching retain for " + key + ": the pin count is already 0");
            }
            if (--pins == 0) {
                pinned = null;
            }
            return pins;
        }

        synchronized int pins() {
            return pins;
        }

        /**
         * The entry left the map explicitly: drops all pins and clears the reference (the collector then never
         * enqueues it). Returns the instance it held, if it was alive.
         */
        synchronized @Nullable V removed(StoreCounters counters) {
            counters.pins.add(-pins);
            pins = 0;
            pinned = null;
            V live = get();
            clear();
            return live;
        }
    }
}
