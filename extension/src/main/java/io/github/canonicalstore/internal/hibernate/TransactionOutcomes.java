package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalStoreEvent.Kind;
import io.github.canonicalstore.internal.store.CanonicalMap;
import io.github.canonicalstore.internal.store.Owner;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * What a transaction's end does to canonical instances (SEMANTICS rules 5 and 6): committed state flows into the
 * canonical instances of the row in every scope, a rollback puts back what the transaction changed, a committed
 * delete removes the row from the store, and a version that a lock incremented becomes committed state.
 *
 * <p>Thread-safe; each call runs on the thread that ends the transaction.
 */
final class TransactionOutcomes {
    private final HibernateCanonicalStore store;
    private final CanonicalMap<EntityRef, Object> map;
    private final SessionFactoryImplementor factory;

    TransactionOutcomes(HibernateCanonicalStore store, SessionFactoryImplementor factory) {
        this.store = store;
        this.map = store.map();
        this.factory = factory;
    }

    /**
     * A transaction of {@code session} committed an update of {@code entity} whose new state is {@code state}
     * (POST_COMMIT_UPDATE). In every scope: if {@code entity} is the canonical instance, {@code state} becomes its
     * committed state; otherwise the state is written into the canonical instance if no open session owns it, it
     * has no pending edits (or its only edits are the ones that were just committed by merging it) and it does not
     * hold a newer {@code @Version} already; else the conflict is counted and reported (rule 5).
     */
    void afterCommittedUpdate(EntityPersister persister, Object entity, Object id, Object[] state,
            SharedSessionContractImplementor session) {
        EntityBinding binding = store.bindingOf(persister);
        if (binding == null) {
            return;
        }
        // every commit of a row moves the epoch on, also one that reaches no canonical instance: a statement that
        // began before it may have read the row as it was (SessionOwner.readEpoch)
        long committedAt = store.nextEpoch();
        SessionOwner owner = store.owners().of(session);
        EntityRef key = binding.root.key(owner == null ? null : owner.scope, session.getTenantIdentifierValue(), id);
        for (Object scope : store.scopes()) {
            reachCanonical(key.inScope(scope), entity, state, committedAt, owner);
        }
    }

    private void reachCanonical(EntityRef key, Object entity, Object[] state, long committedAt,
            @Nullable SessionOwner owner) {
        Object canonical = map.get(key);
        if (canonical == null) {
            return;
        }
        EntityBinding target = store.bindingOf(factory.getMappingMetamodel().getEntityDescriptor(canonical.getClass()));
        if (target == null) {
            return;
        }
        if (canonical == entity) {
            map.attach(key, canonical, new RowState(target.mappedClass, target.snapshot(state, false), committedAt));
            store.events().fire(Kind.UPDATED, target.mappedClass, key, canonical);
            return;
        }
        int version = target.versionIndex();
        if (version >= 0 && target.isOlderVersion(state[version], target.persister.getValue(canonical, version))) {
            return; // the instance holds a newer committed version already (commits' after-commit work overtook)
        }
        SessionOwner.Merged merge = owner == null ? null : owner.mergedInto(entity);
        Owner propagation = () -> true;
        boolean taken = target.mappedClass == entity.getClass()
                && map.claimExisting(key, canonical, propagation, merge != null && merge.canonical() == canonical
                        // the edits merged went into what committed; only later edits would be lost
                        ? (instance, committed, claimant) -> EntityBinding.isAttachedElsewhere(instance)
                                || target.hasEditsOtherThan(instance, merge.atMerge(), state)
                        : target);
        if (!taken) {
            map.counters().recordConflict();
            store.flight().conflict(target, key);
            store.events().fire(Kind.CONFLICT, target.mappedClass, key, canonical);
            return;
        }
        try {
            writeChanged(target, canonical, state,
                    (i, value) -> target.persister.getPropertyTypes()[i].deepCopy(value, factory));
            map.attach(key, canonical, new RowState(target.mappedClass, target.snapshot(state, false), committedAt));
        } finally {
            map.disown(key, propagation);
        }
        map.counters().recordPropagation();
        store.events().fire(Kind.UPDATED, target.mappedClass, key, canonical);
    }

    /**
     * A merge of canonical instance {@code instance} (of {@code key}) whose collections held changes committed:
     * those collections hold what the application put into them, not the rows that committed (the merged copy's
     * collections hold those, and collections are not copied), so the instance no longer stands for its row. It
     * stops being canonical (an {@code EVICTED} event), as if evicted; the next load makes a new canonical instance.
     */
    void mergedWithChangedCollections(EntityRef key, Object instance) {
        if (map.get(key) == instance && map.remove(key) != null) {
            store.events().fire(Kind.EVICTED, instance.getClass(), key, instance);
        }
    }

    /**
     * A lock incremented the version of the canonical instance of {@code key} to {@code version}, and the
     * transaction committed: that version is committed state (rule 5), as a committed update's would be.
     */
    void versionForced(EntityRef key, Object version) {
        Object canonical = map.get(key);
        EntityBinding binding = canonical == null
                ? null : store.bindingOf(factory.getMappingMetamodel().getEntityDescriptor(canonical.getClass()));
        if (binding == null || binding.versionIndex() < 0) {
            return;
        }
        int index = binding.versionIndex();
        if (!binding.sameVersion(binding.persister.getValue(canonical, index), version)) {
            return; // the instance moved on since (a later commit or load)
        }
        map.updateAttachment(key, canonical, previous -> {
            if (!(previous instanceof RowState row) || row.values == null
                    || binding.sameVersion(row.values[index], version)) {
                return previous;
            }
            Object[] values = row.values.clone();
            values[index] = version;
            return new RowState(row.entityClass, values, store.nextEpoch());
        });
    }

    /**
     * Writes {@code values} (a state or a {@linkplain EntityBinding#snapshot snapshot}, in property order) into
     * {@code instance}, then clears an enhanced entity's dirty tracker. Only the properties whose value differs are
     * written, one by one: never an array of values read earlier, which would put back whatever changed in
     * between. Collections are not written: the instance keeps its own (a collection of another session's
     * persistence context must not be shared). Untracked and unfetched slots are skipped.
     *
     * @param convert what the instance gets for the value of property {@code i}, given that it differs
     */
    private void writeChanged(EntityBinding binding, Object instance, Object[] values, PropertyValue convert) {
        EntityPersister persister = binding.persister;
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            Object value = values[i];
            if (value == EntityBinding.UNTRACKED || types[i].isCollectionType() || !binding.isTracked(i)
                    || value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                continue;
            }
            Object current = persister.getValue(instance, i);
            if (current != value && !types[i].isEqual(current, value, factory)) {
                persister.setValue(instance, i, convert.apply(i, value));
            }
        }
        if (instance instanceof SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_clearDirtyAttributes();
        }
    }

    /** What {@link #writeChanged} writes for a value. */
    @FunctionalInterface
    private interface PropertyValue {
        @Nullable Object apply(int property, @Nullable Object value);
    }

    /**
     * A transaction of {@code owner}'s session rolled back: every canonical instance of {@code keys} (those the
     * session held, and those it let go of during the transaction) whose state differs from its row's committed
     * state is put back to that state (rule 6), unless another open session holds it now. A to-one that changed
     * points again at the committed row (its canonical instance if one is alive, otherwise a reference of the
     * session's). Collections changed in the transaction cannot be put back (their committed contents are not
     * known): they keep their contents until a load that reads them.
     */
    void restoreAfterRollback(SessionOwner owner, Iterable<EntityRef> keys, SharedSessionContractImplementor session) {
        for (EntityRef key : keys) {
            Owner holder = map.owner(key);
            if (holder != null && holder != owner && holder.isActive()) {
                continue;
            }
            Object canonical = map.get(key);
            Object state = canonical == null ? null : map.attachment(key, canonical);
            if (!(state instanceof RowState row) || row.values == null) {
                continue;
            }
            EntityBinding binding =
                    store.bindingOf(factory.getMappingMetamodel().getEntityDescriptor(canonical.getClass()));
            if (binding != null && binding.hasPendingEdits(canonical, state)) {
                Type[] types = binding.persister.getPropertyTypes();
                writeChanged(binding, canonical, row.values, (i, committed) -> types[i] instanceof EntityType entity
                        ? committed == null ? null : reference(entity, committed, key, session)
                        : types[i].deepCopy(committed, factory));
                map.counters().recordRestore();
                store.flight().restore(binding, key);
                store.events().fire(Kind.RESTORED, binding.mappedClass, key, canonical);
            }
        }
    }

    /** An entity reference for a committed to-one: the target's canonical instance, or one of the session's. */
    private Object reference(EntityType type, Object id, EntityRef owner, SharedSessionContractImplementor session) {
        EntityPersister target = factory.getMappingMetamodel().getEntityDescriptor(type.getAssociatedEntityName());
        EntityBinding binding = type.isReferenceToPrimaryKey() ? store.bindingOf(target) : null;
        Object canonical = binding == null ? null : map.get(binding.root.key(owner.scope, owner.tenantId, id));
        return canonical != null ? canonical : session.internalLoad(target.getEntityName(), id, false, true);
    }

    /** A committed transaction deleted the row: it leaves the store in every scope (rule 6). */
    void afterCommittedDelete(EntityPersister persister, Object id, SharedSessionContractImplementor session) {
        EntityBinding binding = store.bindingOf(persister);
        if (binding == null) {
            return;
        }
        EntityRef key = binding.root.key(null, session.getTenantIdentifierValue(), id);
        for (Object scope : store.scopes()) {
            EntityRef scoped = key.inScope(scope);
            Object removed = map.remove(scoped);
            if (removed != null) {
                store.events().fire(Kind.EVICTED, removed.getClass(), scoped, removed);
            }
        }
    }
}
