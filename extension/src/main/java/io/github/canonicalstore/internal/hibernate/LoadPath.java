package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalConflictException;
import io.github.canonicalstore.CanonicalStoreEvent.Kind;
import io.github.canonicalstore.internal.store.CanonicalMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;
import org.jspecify.annotations.Nullable;

/**
 * How a row becomes an instance when the store is on: the path of one load through the store.
 *
 * <ol>
 *   <li>Hibernate asks the persister for an instance ({@link #instantiate}, before it reads the row's state). The
 *       store claims the row's canonical instance for the session (rules 1, 3 and 4); a live one that the session
 *       may have is a <em>hit</em>, prepared for the session by {@link Reattachment} (its initialised collections
 *       and its lazy state join the session's persistence context); a new one is a <em>miss</em>; otherwise the
 *       session gets a private instance.
 *   <li>Hibernate writes the row's state through the persister ({@link #writeLoaded}). Into a hit the store writes
 *       only what the row changed (rules 2 and 11), and hands Hibernate the instance's own collections and
 *       references as the state it loaded; a miss or a private instance is written as Hibernate does.
 *   <li>Hibernate reports the finished load (POST_LOAD, {@link #afterLoad}): a hit or miss records the state it was
 *       loaded with as its row's committed state, unless the load changed nothing, and the session takes over
 *       what a hit reaches through its initialised associations ({@link GraphTakeOver}).
 * </ol>
 *
 * <p>Thread-safe; every call runs on the loading session's thread.
 */
final class LoadPath {
    /** What a load has done so far with a hit it handed out. */
    private enum Hit {
        /** Nothing written into it yet. */
        UNWRITTEN,
        /** {@link #writeLoaded} changed something. */
        WRITTEN,
        /** Handed out as it is ({@link #keepUnchanged}); none of its associations is initialised. */
        KEPT,
        /** Handed out as it is; some of its associations are initialised ({@link GraphTakeOver} walks them). */
        KEPT_WITH_GRAPH
    }

    /**
     * The hits handed out on this thread that Hibernate has not reported loaded yet. Hibernate instantiates, writes
     * and reports an instance on the thread of the load.
     */
    private static final ThreadLocal<Pending> PENDING = ThreadLocal.withInitial(Pending::new);

    /** One thread's pending hits; not thread-safe. */
    private static final class Pending {
        final Map<Object, Hit> hits = new IdentityHashMap<>();
        /**
         * The hit {@link #instantiate} handed out last and its key, which {@link #keepUnchanged} asks about right
         * after; held no longer than the hit itself is pending.
         */
        @Nullable Object lastHit;
        @Nullable EntityRef lastKey;

        void forgetLast() {
            lastHit = null;
            lastKey = null;
        }
    }

    private final HibernateCanonicalStore store;
    private final CanonicalMap<EntityRef, Object> map;

    LoadPath(HibernateCanonicalStore store) {
        this.store = store;
        this.map = store.map();
    }

    /**
     * The instance a load in {@code session} gets for row {@code id} of {@code persister}'s entity: the canonical
     * one if the store may hand it to this session, otherwise a private one (SEMANTICS rules 1, 3 and 4).
     */
    Object instantiate(EntityBinding binding, CanonicalPersister persister, Object id,
            SharedSessionContractImplementor session) {
        SessionOwner owner = store.owners().of(session);
        if (owner == null || isUnsaved(binding, id)) {
            // a merge copies a new entity onto an instance made under its unsaved id (0 for a primitive id): no row
            return persister.instantiatePlain(id, session);
        }
        owner.used();
        Object tenantId = session.getTenantIdentifierValue();
        store.tenantSeen(tenantId);
        EntityRef key = binding.root.key(owner.scope, tenantId, id);
        if (owner.isMerging() && owner.isMerging(map.get(key))) {
            // merge(C(k)) loads k to copy C(k) onto it: that copy must not be C(k) itself (it would be overwritten)
            return persister.instantiatePlain(id, session);
        }
        Object[] created = new Object[1];
        Object canonical = map.claim(key, owner, binding.mappedClass, () -> {
            created[0] = persister.instantiatePlain(id, session);
            return created[0];
        }, binding);
        String refusal = null;
        if (canonical != null && canonical != created[0] && !owner.isStateless()) {
            // first the graph, then the hit's own collections: prepare binds them to the session
            GraphTakeOver graph = binding.hasAssociations() ? new GraphTakeOver(store, owner, session) : null;
            if (graph != null && !graph.claimReachable(binding, canonical)) {
                refusal = "reaches, through an initialised association, an instance that this session cannot manage "
                        + "(another open session manages it, it has pending edits, or it is not canonical)";
            } else if (!Reattachment.prepare(binding, canonical, session)) {
                // its lazy state is bound to another open session (which evicted it but is still open)
                refusal = "has lazy state bound to another open session";
                if (graph != null) {
                    graph.letGoOfClaims();
                }
            } else if (graph != null) {
                graph.keepClaims();
            }
            if (refusal != null) {
                map.disown(key, owner);
                canonical = null;
            }
        }
        if (canonical == null) {
            if (store.settings().failOnConflict()) {
                throw new CanonicalConflictException(tenantId, binding.root.rootEntityName, id,
                        refusal != null ? refusal
                                : map.isHeldByOther(key, owner)
                                        ? "is managed by another open session"
                                        : "has pending edits or a newer committed version that this load would "
                                                + "overwrite");
            }
            map.counters().recordIsolation();
            store.flight().isolation(binding, key);
            return persister.instantiatePlain(id, session);
        }
        if (owner.isStateless()) {
            // Hibernate reports no stateless load to any listener: what it writes into the instance stays unknown
            map.updateAttachment(key, canonical,
                    previous -> new RowState(binding.mappedClass, null, RowState.committedAt(previous)));
        } else if (canonical != created[0]) {
            Pending pending = PENDING.get();
            pending.hits.put(canonical, Hit.UNWRITTEN);
            pending.lastHit = canonical;
            pending.lastKey = key;
        }
        owner.claimed(key);
        if (canonical != created[0]) {
            owner.tookOver();
            persister.relink(canonical, session);
        }
        return canonical;
    }

    /**
     * Hibernate writes a loaded row's {@code values} into {@code instance}. For a hit, writes only the properties
     * the row changed and puts into {@code values} what the instance holds instead of what Hibernate made for this
     * load (its initialised collections and references), so that the session's loaded state is the instance's own.
     *
     * @return whether the write was handled here; {@code false} for anything that is not a pending hit, which
     *     Hibernate's own {@code setValues} then writes
     */
    boolean writeLoaded(EntityBinding binding, Object instance, Object[] values) {
        Map<Object, Hit> pending = PENDING.get().hits;
        if (pending.isEmpty() || !pending.containsKey(instance)) {
            return false;
        }
        if (HitWrites.writeChanges(binding, instance, values)) {
            pending.put(instance, Hit.WRITTEN);
        }
        return true;
    }

    /**
     * A load has just handed out {@code instance} for a row whose {@code @Version} is {@code rowVersion}: if it is a hit
     * whose snapshot has that version, the row holds what the instance holds, and the session takes the instance over
     * as it is, without hydrating the row ({@link UnchangedRows}). Its snapshot stands, and once the load has finished
     * the session takes over what it reaches ({@link #afterLoad}).
     *
     * @return whether it did; otherwise Hibernate hydrates the row into the instance ({@link #writeLoaded})
     */
    boolean keepUnchanged(EntityBinding binding, Object instance, Object id, Object rowVersion,
            RowProcessingState row) {
        Pending pending = PENDING.get();
        EntityRef key = pending.lastHit == instance ? pending.lastKey : null;
        pending.forgetLast();
        if (key == null || pending.hits.get(instance) != Hit.UNWRITTEN) {
            return false; // not the hit this thread's load just handed out (a miss, a private instance, not ours)
        }
        if (!(map.attachment(key, instance) instanceof RowState state) || state.values == null
                || !binding.sameVersion(state.values[binding.versionIndex()], rowVersion)) {
            return false;
        }
        UnchangedRows.Kept kept = UnchangedRows.keep(binding, instance, id, row);
        if (kept == UnchangedRows.Kept.NOT) {
            return false;
        }
        pending.hits.put(instance, kept == UnchangedRows.Kept.WITH_GRAPH ? Hit.KEPT_WITH_GRAPH : Hit.KEPT);
        return true;
    }

    /**
     * Hibernate finished loading {@code entity} in {@code session} (POST_LOAD): if it is canonical, remember the
     * state Hibernate loaded as its row's committed state, and report the refresh (rule 2).
     */
    void afterLoad(EntityBinding binding, Object entity, Object id, SharedSessionContractImplementor session) {
        Pending pending = PENDING.get();
        if (pending.lastHit == entity) {
            pending.forgetLast();
        }
        Hit hit = pending.hits.remove(entity);
        if (hit == Hit.KEPT) {
            return; // handed out as it is, reaching nothing initialised: its snapshot stands (rule 11)
        }
        SessionOwner owner = store.owners().of(session);
        if (owner == null || entity.getClass() != binding.mappedClass) {
            return;
        }
        if (hit != null && binding.hasAssociations()) {
            // every row of the load is written now: take over what the hit's initialised associations hold (rule 11)
            new GraphTakeOver(store, owner, session).takeOverReachable(binding, entity);
        }
        if (hit == Hit.KEPT_WITH_GRAPH) {
            return;
        }
        EntityRef key = binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        if (binding.enhancedForLazyLoading && map.adopt(key, entity, owner)) {
            owner.claimed(key); // an enhanced entity that served as its own lazy proxy (EnhancedProxyGuard)
        }
        if (hit == Hit.UNWRITTEN && map.attachment(key, entity) instanceof RowState row && row.values != null) {
            return; // the load found the state the instance already had: its snapshot stands (rule 11)
        }
        if (hit == Hit.WRITTEN) {
            HitWrites.repairReadBacks(binding, entity, session);
        }
        // the snapshot is taken only if entity is canonical (a private instance needs none)
        if (map.updateAttachment(key, entity, previous -> loadedState(binding, entity, session, owner, previous))
                && hit == Hit.WRITTEN) {
            store.events().fire(Kind.REFRESHED, binding.mappedClass, key, entity);
        }
    }

    /**
     * The row state a load leaves: the loaded snapshot, with the commit epoch of the previous state unless the load
     * brought another {@code @Version} than the previous state's. Then a commit the store may not have seen (made
     * by another application, say) produced it, and a statement that began earlier may have read the older
     * version: the epoch moves on, and the state gets the new epoch. A first load gets the epoch at which its
     * statement began.
     */
    private RowState loadedState(EntityBinding binding, Object entity, SharedSessionContractImplementor session,
            SessionOwner owner, @Nullable Object previous) {
        Object[] snapshot = loadedSnapshot(binding, entity, session);
        long committedAt = RowState.committedAt(previous);
        int version = binding.versionIndex();
        if (version >= 0) {
            if (!(previous instanceof RowState row) || row.values == null) {
                committedAt = Math.max(committedAt, owner.readEpoch());
            } else if (!binding.sameVersion(snapshot[version], row.values[version])) {
                committedAt = store.nextEpoch();
            }
        }
        return new RowState(binding.mappedClass, snapshot, committedAt);
    }

    private static Object[] loadedSnapshot(EntityBinding binding, Object entity,
            SharedSessionContractImplementor session) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        Object[] loaded = entry == null ? null : entry.getLoadedState();
        return loaded != null
                ? binding.snapshot(loaded, true) // Hibernate's own deep copy, which it replaces rather than changes
                : binding.snapshot(binding.persister.getValues(entity), false);
    }

    /**
     * Whether a load of row {@code id} in {@code session} would hand out a live canonical instance: one is alive,
     * of the binding's class, no other open session owns it and it may be taken over.
     */
    boolean isAvailableTo(EntityBinding binding, Object id, SharedSessionContractImplementor session) {
        SessionOwner owner = store.owners().of(session);
        if (owner == null) {
            return false;
        }
        EntityRef key = binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        Object live = map.get(key);
        return live != null
                && live.getClass() == binding.mappedClass
                && !map.isHeldByOther(key, owner)
                && !binding.refuses(live, map.attachment(key, live), owner)
                && !owner.isMerging(live);
    }

    /**
     * A flush cascade of {@code session} reached {@code entity}. If it is a canonical instance of the session's scope
     * that the session does not manage, the session takes it over as it is when no other open session holds it
     * ({@link Reattachment#manage}).
     *
     * @return whether Hibernate should go on with the cascade: {@code false} for a canonical instance that another
     *     open session holds, or a private instance of a row whose canonical instance is alive (the row exists; the
     *     session must neither insert it nor take it over)
     */
    boolean reachedByCascade(@Nullable Object entity, SharedSessionContractImplementor session) {
        Object target = StoreListeners.initialisedTarget(entity);
        if (target == null || session.getPersistenceContextInternal().isEntryFor(target)) {
            return true;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(target.getClass());
        EntityBinding binding = persister == null ? null : store.bindingOf(persister);
        SessionOwner owner = binding == null ? null : store.owners().of(session);
        Object id = owner == null ? null : persister.getIdentifier(target, session);
        if (id == null || isUnsaved(binding, id)) {
            return true; // a new entity: Hibernate persists it
        }
        EntityRef key = binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        Object live = map.get(key);
        if (live != null && live != target) {
            // a private instance of a row the store knows (an earlier session loaded it into a collection that a
            // canonical instance holds): the row exists, so there is nothing to persist
            return false;
        }
        if (!(map.attachment(key, target) instanceof RowState row) || row.values == null) {
            return true; // no canonical instance of the row is alive: Hibernate decides, as for any instance
        }
        if (map.claimExisting(key, target, owner,
                (instance, state, claimant) -> EntityBinding.isAttachedElsewhere(instance))) {
            if (Reattachment.manage(binding, target, id, row.values, session, owner)) {
                owner.claimed(key);
                owner.tookOver();
                return true;
            }
            map.disown(key, owner);
        }
        return false;
    }

    /** Whether {@code id} is the entity's unsaved value, which Hibernate gives new entities (no row has it). */
    private static boolean isUnsaved(EntityBinding binding, Object id) {
        return Boolean.TRUE.equals(binding.persister.getIdentifierMapping().getUnsavedStrategy().isUnsaved(id));
    }

    /** Forgets the pending hits of this thread: their session ended before Hibernate finished loading them. */
    static void forgetPendingHits() {
        Pending pending = PENDING.get();
        pending.forgetLast();
        if (!pending.hits.isEmpty()) {
            pending.hits.clear();
        }
    }
}
