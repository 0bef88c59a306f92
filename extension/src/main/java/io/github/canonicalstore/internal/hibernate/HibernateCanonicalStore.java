package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalConflictException;
import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreEvent.Kind;
import io.github.canonicalstore.CanonicalStoreListener;
import io.github.canonicalstore.CanonicalStoreStatistics;
import io.github.canonicalstore.NonCanonical;
import io.github.canonicalstore.Subscription;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import io.github.canonicalstore.internal.store.CanonicalMap;
import io.github.canonicalstore.internal.store.Owner;
import io.github.canonicalstore.internal.store.StoreCounters;
import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.annotations.TenantId;
import org.hibernate.boot.Metadata;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.RepresentationMode;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.service.Service;
import org.hibernate.service.spi.Stoppable;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * The canonical store of one SessionFactory, registered as a SessionFactory-scoped Hibernate service (as Envers
 * keeps its state), and the implementation of the public {@link CanonicalStore}.
 *
 * <p>Thread-safe. The hot path is {@link #instantiate}: one {@code HashMap} lookup for the session's owner, one key
 * allocation and one {@link CanonicalMap#claim}, which for an instance another session used last compares its
 * state with the row's committed state (rule 4); then {@link #afterLoad} records the state Hibernate loaded.
 */
public final class HibernateCanonicalStore implements CanonicalStore, Service, Stoppable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final transient SessionFactoryImplementor factory;
    private final transient StoreSettings settings;
    private final transient StoreCounters counters = new StoreCounters();
    private final transient StoreEvents events = new StoreEvents();
    private final transient CanonicalMap<EntityRef, Object> map = new CanonicalMap<>(counters, this::released);
    private final transient ConcurrentHashMap<String, RootIds> roots = new ConcurrentHashMap<>();
    /** Counts the commits the store has seen change a canonical instance; see {@link RowState#committedAt}. */
    private final transient AtomicLong epoch = new AtomicLong();
    /** Tenant identifiers seen in loads, to find the key of an instance whose tenant is not known. */
    private final transient Set<Object> tenants = ConcurrentHashMap.newKeySet();

    HibernateCanonicalStore(SessionFactoryImplementor factory, StoreSettings settings) {
        this.factory = factory;
        this.settings = settings;
    }

    CanonicalMap<EntityRef, Object> map() {
        return map;
    }

    /** @return the number of commits seen so far; see {@link RowState#committedAt} */
    long epoch() {
        return epoch.get();
    }

    /**
     * Checks the settings that need the domain model: every excluded name must name an entity.
     *
     * @throws IllegalArgumentException naming the setting and the unknown name
     */
    void validate(Metadata metadata) {
        Set<String> known = new TreeSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            known.add(entity.getEntityName());
            if (entity.getJpaEntityName() != null) {
                known.add(entity.getJpaEntityName());
            }
        }
        for (String name : settings.excluded()) {
            if (!known.contains(name)) {
                throw StoreSettings.invalid(CanonicalStoreSettings.EXCLUDE, name,
                        "comma-separated entity names, each one of " + known);
            }
        }
    }

    /** Decides, once per concrete persister, whether its instances are canonical and how they are keyed. */
    EntityBinding bind(EntityPersister persister) {
        Class<?> mappedClass = persister.getMappedClass();
        if (persister.getRepresentationStrategy().getMode() != RepresentationMode.POJO
                || mappedClass == null
                || isExcluded(persister)) {
            return EntityBinding.PLAIN;
        }
        RootIds root = roots.computeIfAbsent(persister.getRootEntityName(), this::rootIds);
        return new EntityBinding(this, persister, root, mappedClass,
                persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading());
    }

    private RootIds rootIds(String rootEntityName) {
        EntityPersister root = factory.getMappingMetamodel().getEntityDescriptor(rootEntityName);
        return new RootIds(rootEntityName, root.getIdentifierType(), factory, root.getMappedClass(),
                tenantIdField(root.getMappedClass()));
    }

    private static @Nullable Field tenantIdField(@Nullable Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(TenantId.class)) {
                    return field;
                }
            }
        }
        return null;
    }

    private boolean isExcluded(EntityPersister persister) {
        if (persister.getMappedClass().isAnnotationPresent(NonCanonical.class)) {
            return true;
        }
        for (var type = persister.getEntityMappingType(); type != null; type = type.getSuperMappingType()) {
            if (settings.excluded().contains(type.getEntityName())
                    || settings.excluded().contains(type.getEntityPersister().getJpaEntityName())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------- loading

    /**
     * The instance a load in {@code session} gets for row {@code id} of {@code persister}'s entity: the canonical
     * one if the store may hand it to this session, otherwise a private one (SEMANTICS rules 1, 3 and 4).
     */
    Object instantiate(EntityBinding binding, CanonicalPersister persister, Object id,
            SharedSessionContractImplementor session) {
        SessionOwner owner = session.getExtension(SessionOwner.class);
        if (owner == null) {
            return persister.instantiatePlain(id, session);
        }
        Object tenantId = session.getTenantIdentifierValue();
        if (tenantId != null && !tenants.contains(tenantId)) {
            tenants.add(tenantId);
        }
        EntityRef key = binding.root.key(tenantId, id);
        if (owner.isMerging() && owner.isMerging(map.get(key))) {
            // merge(C(k)) loads k to copy C(k) onto it: that copy must not be C(k) itself (it would be overwritten)
            return persister.instantiatePlain(id, session);
        }
        Object canonical = map.claim(key, owner, binding.mappedClass, () -> persister.instantiatePlain(id, session),
                binding);
        if (canonical == null) {
            if (settings.failOnConflict()) {
                throw new CanonicalConflictException(tenantId, binding.root.rootEntityName, id,
                        map.isHeldByOther(key, owner)
                                ? "is managed by another open session"
                                : "has pending edits or a newer committed version that this load would overwrite");
            }
            counters.recordIsolation();
            return persister.instantiatePlain(id, session);
        }
        if (owner.isStateless()) {
            // Hibernate reports no stateless load to any listener: what it writes into the instance stays unknown
            map.updateAttachment(key, canonical,
                    previous -> new RowState(binding.mappedClass, null, RowState.committedAt(previous)));
        }
        owner.claimed(key);
        persister.relink(canonical, session);
        return canonical;
    }

    /**
     * Hibernate finished loading {@code entity} in {@code session} (POST_LOAD): if it is canonical, remember the
     * state Hibernate loaded as its row's committed state, and report the refresh (rule 2).
     */
    void afterLoad(EntityBinding binding, Object entity, Object id, SharedSessionContractImplementor session) {
        SessionOwner owner = session.getExtension(SessionOwner.class);
        if (owner == null || entity.getClass() != binding.mappedClass) {
            return;
        }
        EntityRef key = binding.root.key(session.getTenantIdentifierValue(), id);
        if (binding.enhancedForLazyLoading && map.adopt(key, entity, owner)) {
            owner.claimed(key); // an enhanced entity that served as its own lazy proxy (EnhancedProxyGuard)
        }
        // the snapshot is taken only if entity is canonical (a private instance needs none)
        if (map.updateAttachment(key, entity, previous -> loadedState(binding, entity, session, owner, previous))) {
            events.fire(Kind.REFRESHED, binding.mappedClass, key, entity);
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
            } else if (!binding.persister.getPropertyTypes()[version].isEqual(snapshot[version], row.values[version],
                    factory)) {
                committedAt = epoch.incrementAndGet();
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

    /** The current state of {@code instance} as a row state with no commit epoch. */
    private static RowState currentState(EntityBinding binding, Object instance) {
        return new RowState(binding.mappedClass, binding.snapshot(binding.persister.getValues(instance), false), 0);
    }

    /**
     * Whether a load of row {@code id} in {@code session} would hand out a live canonical instance: one is alive,
     * of the binding's class, no other open session owns it and it may be taken over.
     */
    boolean isAvailableTo(EntityBinding binding, Object id, SharedSessionContractImplementor session) {
        SessionOwner owner = session.getExtension(SessionOwner.class);
        if (owner == null) {
            return false;
        }
        EntityRef key = binding.root.key(session.getTenantIdentifierValue(), id);
        Object live = map.get(key);
        return live != null
                && live.getClass() == binding.mappedClass
                && !map.isHeldByOther(key, owner)
                && !binding.refuses(live, map.attachment(key, live), owner)
                && !owner.isMerging(live);
    }

    /** A snapshot of {@code entity}'s current state (which must be an instance of a canonical entity). */
    @Nullable RowState stateOf(Object entity) {
        EntityBinding binding = bindingOf(factory.getMappingMetamodel().getEntityDescriptor(entity.getClass()));
        return binding == null ? null : currentState(binding, entity);
    }

    /** Whether {@code entity} is the live canonical instance of its row, for the tenant of {@code session}. */
    boolean isCanonical(Object entity, SharedSessionContractImplementor session) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entity.getClass());
        Object id = persister == null ? null : persister.getIdentifier(entity, session);
        EntityRef key = id == null ? null : keyOf(persister, session.getTenantIdentifierValue(), id);
        return key != null && map.get(key) == entity;
    }

    /** The key of a canonical entity persister's row, or {@code null} if the persister's entities are plain. */
    @Nullable EntityRef keyOf(EntityPersister persister, @Nullable Object tenantId, Object id) {
        EntityBinding binding = bindingOf(persister);
        return binding == null ? null : binding.root.key(tenantId, id);
    }

    private static @Nullable EntityBinding bindingOf(EntityPersister persister) {
        if (persister instanceof CanonicalPersister canonical) {
            EntityBinding binding = canonical.binding();
            return binding.isCanonical() ? binding : null;
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------- commit and rollback

    /**
     * A transaction of {@code session} committed an update of {@code entity} whose new state is {@code state}
     * (POST_COMMIT_UPDATE). If {@code entity} is the canonical instance, {@code state} becomes its committed state.
     * Otherwise the state is written into the canonical instance if no open session owns it and it has no pending
     * edits (or its only edits are the ones that were just committed by merging it); else the conflict is counted
     * and reported (rule 5).
     */
    void afterCommittedUpdate(EntityPersister persister, Object entity, Object id, Object[] state,
            SharedSessionContractImplementor session) {
        EntityBinding binding = bindingOf(persister);
        if (binding == null) {
            return;
        }
        // every commit of a row moves the epoch on, also one that reaches no canonical instance: a statement that
        // began before it may have read the row as it was (SessionOwner.readEpoch)
        long committedAt = epoch.incrementAndGet();
        EntityRef key = binding.root.key(session.getTenantIdentifierValue(), id);
        Object canonical = map.get(key);
        if (canonical == null) {
            return;
        }
        EntityBinding target = bindingOf(factory.getMappingMetamodel().getEntityDescriptor(canonical.getClass()));
        if (target == null) {
            return;
        }
        if (canonical == entity) {
            map.attach(key, canonical,
                    new RowState(target.mappedClass, target.snapshot(state, false), committedAt));
            events.fire(Kind.UPDATED, target.mappedClass, key, canonical);
            return;
        }
        SessionOwner owner = session.getExtension(SessionOwner.class);
        SessionOwner.Merged merge = owner == null ? null : owner.mergedInto(entity);
        Owner propagation = () -> true;
        boolean taken = target.mappedClass == entity.getClass()
                && map.claimExisting(key, canonical, propagation, merge != null && merge.canonical() == canonical
                        // the edits merged went into what committed; only later edits would be lost
                        ? (instance, committed, claimant) -> EntityBinding.isAttachedElsewhere(instance)
                                || target.hasEditsOtherThan(instance, merge.atMerge(), state)
                        : target);
        if (!taken) {
            counters.recordConflict();
            events.fire(Kind.CONFLICT, target.mappedClass, key, canonical);
            return;
        }
        try {
            writeChanged(target, canonical, state,
                    (i, value) -> target.persister.getPropertyTypes()[i].deepCopy(value, factory));
            map.attach(key, canonical,
                    new RowState(target.mappedClass, target.snapshot(state, false), committedAt));
        } finally {
            map.disown(key, propagation);
        }
        counters.recordPropagation();
        events.fire(Kind.UPDATED, target.mappedClass, key, canonical);
    }

    /**
     * Writes {@code values} (a state or a {@linkplain EntityBinding#snapshot snapshot}, in property order) into
     * {@code instance}, then clears an enhanced entity's dirty tracker. Only the properties whose value differs are
     * written, one by one: never an array of values read earlier, which would put back whatever changed in
     * between. Collections are not written: the instance keeps its own (a collection of another session's
     * persistence context must not be shared), and the next load replaces them. Untracked and unfetched slots are
     * skipped.
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
     * A transaction of {@code owner}'s session rolled back, before Hibernate clears its persistence context: every
     * canonical instance the session owns whose state differs from its row's committed state is put back to that
     * state (rule 6). A to-one that changed points again at the committed row (its canonical instance if one is
     * alive, otherwise a reference of the session's). Collections changed in the transaction cannot be put back
     * (their committed contents are not known): they keep their contents until the next load replaces them.
     */
    void restoreAfterRollback(SessionOwner owner, Iterable<EntityRef> keys, SharedSessionContractImplementor session) {
        for (EntityRef key : keys) {
            if (map.owner(key) != owner) {
                continue;
            }
            Object canonical = map.get(key);
            Object state = canonical == null ? null : map.attachment(key, canonical);
            if (!(state instanceof RowState row) || row.values == null) {
                continue;
            }
            EntityBinding binding = bindingOf(factory.getMappingMetamodel().getEntityDescriptor(canonical.getClass()));
            if (binding != null && binding.hasPendingEdits(canonical, state)) {
                Type[] types = binding.persister.getPropertyTypes();
                writeChanged(binding, canonical, row.values, (i, committed) -> types[i] instanceof EntityType entity
                        ? committed == null ? null : reference(entity, committed, key.tenantId, session)
                        : types[i].deepCopy(committed, factory));
                counters.recordRestore();
                events.fire(Kind.RESTORED, binding.mappedClass, key, canonical);
            }
        }
    }

    /** An entity reference for a committed to-one: the target's canonical instance, or one of the session's. */
    private Object reference(EntityType type, Object id, @Nullable Object tenantId,
            SharedSessionContractImplementor session) {
        EntityPersister target = factory.getMappingMetamodel().getEntityDescriptor(type.getAssociatedEntityName());
        EntityRef key = type.isReferenceToPrimaryKey() ? keyOf(target, tenantId, id) : null;
        Object canonical = key == null ? null : map.get(key);
        return canonical != null ? canonical : session.internalLoad(target.getEntityName(), id, false, true);
    }

    /** A committed transaction deleted the row: it leaves the store (rule 6). */
    void afterCommittedDelete(EntityPersister persister, Object id, SharedSessionContractImplementor session) {
        EntityRef key = keyOf(persister, session.getTenantIdentifierValue(), id);
        Object removed = key == null ? null : map.remove(key);
        if (removed != null) {
            events.fire(Kind.EVICTED, removed.getClass(), key, removed);
        }
    }

    private void released(EntityRef key, @Nullable Object state) {
        Class<?> type = state instanceof RowState row ? row.entityClass : key.root.rootClass;
        events.fire(Kind.RELEASED, type, key, null);
    }

    // ---------------------------------------------------------------------------------------- CanonicalStore

    @Override
    public <T> Optional<T> find(Class<T> type, Object id) {
        return find(null, type, id);
    }

    @Override
    public <T> Optional<T> find(@Nullable Object tenantId, Class<T> type, Object id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        EntityPersister persister = requireEntity(type);
        EntityRef key = keyOf(persister, tenantId, coerceId(persister, id));
        Object live = key == null ? null : map.get(key);
        return type.isInstance(live) ? Optional.of(type.cast(live)) : Optional.empty();
    }

    @Override
    public int size() {
        map.drainIfUncontended();
        return map.size();
    }

    @Override
    public CanonicalStoreStatistics statistics() {
        map.drainIfUncontended();
        return CanonicalStoreStatistics.of(counters.hits(), counters.misses(), counters.isolations(),
                counters.releases(), counters.conflicts(), counters.restores(), counters.propagations(),
                Math.max(0, counters.pins()));
    }

    @Override
    public int retain(Object entity) {
        Object target = unproxy(entity, "retain");
        return map.retain(requireCanonicalKey(target), target);
    }

    @Override
    public int release(Object entity) {
        Object target = unproxy(entity, "release");
        return map.release(requireCanonicalKey(target), target);
    }

    @Override
    public boolean evict(Class<?> type, Object id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        EntityPersister persister = requireEntity(type);
        EntityRef key = keyOf(persister, null, coerceId(persister, id));
        Object removed = key == null ? null : map.remove(key);
        if (removed == null) {
            return false;
        }
        events.fire(Kind.EVICTED, removed.getClass(), key, removed);
        return true;
    }

    @Override
    public void evictAll() {
        map.clear((key, instance) -> events.fire(Kind.EVICTED, instance.getClass(), key, instance));
    }

    @Override
    public <T> T canonicalize(T entity) {
        Object target = unproxy(entity, "canonicalize");
        EntityPersister persister = requirePersisterOf(target);
        EntityBinding binding = bindingOf(persister);
        if (binding == null) {
            throw new IllegalArgumentException("canonicalize: entity " + persister.getEntityName()
                    + " is excluded from the canonical store");
        }
        Object id = persister.getIdentifier(target, (SharedSessionContractImplementor) null);
        if (id == null) {
            throw new IllegalArgumentException("canonicalize: the " + persister.getEntityName()
                    + " has no identifier (a transient entity has no row to be canonical for)");
        }
        if (EntityBinding.isAttachedElsewhere(target)) {
            throw new IllegalArgumentException("canonicalize: the " + persister.getEntityName() + "#" + id
                    + " is managed by an open session; only loads hand instances to sessions");
        }
        EntityRef key = binding.root.key(binding.root.tenantOf(target), id);
        Object canonical = map.putIfAbsent(key, target);
        if (canonical == target) {
            map.attach(key, target, currentState(binding, target));
            if (target instanceof SelfDirtinessTracker tracker) {
                tracker.$$_hibernate_clearDirtyAttributes(); // its state is now its committed state
            }
        }
        @SuppressWarnings("unchecked") // canonical is target, or the live instance of the same row and root
        T result = (T) canonical;
        return result;
    }

    @Override
    public <T> Subscription subscribe(Class<T> type, CanonicalStoreListener<? super T> listener) {
        return events.subscribe(type, listener);
    }

    @Override
    public void cleanUp() {
        map.cleanUp();
    }

    @Override
    public void stop() {
        map.clear((key, instance) -> { });
    }

    @Override
    public String toString() {
        return "CanonicalStore[" + factory.getName() + ", size=" + size() + ", " + statistics() + "]";
    }

    // ---------------------------------------------------------------------------------------- helpers

    private EntityPersister requireEntity(Class<?> type) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(type);
        if (persister == null) {
            throw new IllegalArgumentException("not an entity class of this SessionFactory: " + type.getName());
        }
        return persister;
    }

    private EntityPersister requirePersisterOf(Object entity) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entity.getClass());
        if (persister == null) {
            throw new IllegalArgumentException("not an entity of this SessionFactory: " + entity.getClass().getName()
                    + " (" + entity + ")");
        }
        return persister;
    }

    private static Object coerceId(EntityPersister persister, Object id) {
        var mapping = persister.getIdentifierMapping();
        if (mapping.isVirtual()) {
            return id;
        }
        try {
            return mapping.getJavaType().coerce(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Argument '" + id + "' could not be converted to the identifier type "
                    + mapping.getJavaType().getJavaTypeClass().getName() + " of entity '"
                    + persister.getEntityName() + "'", e);
        }
    }

    private static Object unproxy(Object entity, String operation) {
        Objects.requireNonNull(entity, "entity");
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entity);
        if (lazy == null) {
            return entity;
        }
        if (lazy.isUninitialized()) {
            throw new IllegalArgumentException(operation + ": an uninitialised proxy is never canonical: "
                    + lazy.getEntityName() + "#" + lazy.getInternalIdentifier());
        }
        return lazy.getImplementation();
    }

    /** Finds the key under which {@code entity} is the live canonical instance, trying every tenant seen. */
    private EntityRef requireCanonicalKey(Object entity) {
        EntityPersister persister = requirePersisterOf(entity);
        Object id = persister.getIdentifier(entity, (SharedSessionContractImplementor) null);
        if (id == null) {
            throw new IllegalArgumentException("not canonical: " + persister.getEntityName() + " instance "
                    + "has no identifier (a transient entity is never canonical)");
        }
        EntityBinding binding = bindingOf(persister);
        if (binding == null) {
            throw new IllegalArgumentException("not canonical: entity " + persister.getEntityName()
                    + " is excluded from the canonical store");
        }
        EntityRef key = binding.root.key(binding.root.tenantOf(entity), id);
        if (map.get(key) != entity) {
            for (Object tenantId : tenants) {
                EntityRef tenantKey = binding.root.key(tenantId, id);
                if (map.get(tenantKey) == entity) {
                    return tenantKey;
                }
            }
        }
        return key; // map.retain/release explain why it is not canonical, if it is not
    }
}
