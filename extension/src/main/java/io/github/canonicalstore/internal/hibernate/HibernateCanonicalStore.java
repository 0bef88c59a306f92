package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreEvent.Kind;
import io.github.canonicalstore.CanonicalStoreListener;
import io.github.canonicalstore.CanonicalStoreStatistics;
import io.github.canonicalstore.Subscription;
import io.github.canonicalstore.internal.store.CanonicalMap;
import io.github.canonicalstore.internal.store.StoreCounters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.service.Service;
import org.hibernate.service.spi.Stoppable;
import org.jspecify.annotations.Nullable;

/**
 * The canonical store of one SessionFactory, registered as a SessionFactory-scoped Hibernate service (as Envers
 * keeps its state), and the implementation of the public {@link CanonicalStore}.
 *
 * <p>It holds what the store knows (the {@link CanonicalMap} of entries, the bindings of the persisters, the commit
 * epoch, the sessions' owners) and answers the application's calls. The work is done by its parts: the
 * {@link LoadPath} of a load, the {@link TransactionOutcomes} of a commit or rollback, the {@link SessionOwners} of
 * the open sessions. See {@code package-info.java} for the map of one load and one commit.
 *
 * <p>Thread-safe.
 */
public final class HibernateCanonicalStore implements CanonicalStore, Service, Stoppable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final transient SessionFactoryImplementor factory;
    private final transient StoreSettings settings;
    private final transient StoreCounters counters = new StoreCounters();
    private final transient StoreEvents events = new StoreEvents();
    private final transient CanonicalMap<EntityRef, Object> map = new CanonicalMap<>(counters, this::released);
    /** Counts the commits the store has seen change a canonical instance; see {@link RowState#committedAt}. */
    private final transient AtomicLong epoch = new AtomicLong();
    /** Tenant identifiers seen in loads, to find the key of an instance whose tenant is not known. */
    private final transient Set<Object> tenants = ConcurrentHashMap.newKeySet();
    /** The client scopes seen (rule 12), held weakly: a scope is gone once no key of a live entry holds it. */
    private final transient Map<Object, Boolean> clientScopes = Collections.synchronizedMap(new WeakHashMap<>());
    private static final List<@Nullable Object> FACTORY_SCOPE = Collections.singletonList(null);
    private final transient FlightEvents flight = new FlightEvents();
    private final transient SessionOwners owners;
    private final transient LoadPath loads;
    private final transient TransactionOutcomes outcomes;
    private final transient Bindings bindings;

    HibernateCanonicalStore(SessionFactoryImplementor factory, StoreSettings settings) {
        this.factory = factory;
        this.settings = settings;
        this.owners = new SessionOwners(this, settings.scopeResolver());
        this.loads = new LoadPath(this);
        this.outcomes = new TransactionOutcomes(this, factory);
        this.bindings = new Bindings(this, factory, settings.excluded());
    }

    CanonicalMap<EntityRef, Object> map() {
        return map;
    }

    StoreSettings settings() {
        return settings;
    }

    StoreEvents events() {
        return events;
    }

    FlightEvents flight() {
        return flight;
    }

    SessionOwners owners() {
        return owners;
    }

    LoadPath loads() {
        return loads;
    }

    TransactionOutcomes outcomes() {
        return outcomes;
    }

    /** @return the number of commits seen so far; see {@link RowState#committedAt} */
    long epoch() {
        return epoch.get();
    }

    /** Moves the commit epoch on and returns the new value; see {@link RowState#committedAt}. */
    long nextEpoch() {
        return epoch.incrementAndGet();
    }

    /** @see Bindings#validate */
    void validate(Metadata metadata) {
        bindings.validate(metadata);
    }

    /** @see Bindings#bind */
    EntityBinding bind(EntityPersister persister) {
        return bindings.bind(persister);
    }

    /** A snapshot of {@code entity}'s current state (which must be an instance of a canonical entity). */
    @Nullable RowState stateOf(Object entity) {
        EntityBinding binding = bindingOf(factory.getMappingMetamodel().getEntityDescriptor(entity.getClass()));
        return binding == null ? null : currentState(binding, entity);
    }

    /** The current state of {@code instance} as a row state with no commit epoch. */
    private static RowState currentState(EntityBinding binding, Object instance) {
        return new RowState(binding.mappedClass, binding.snapshot(binding.persister.getValues(instance), false), 0);
    }

    /**
     * The key of {@code entity} if it is the live canonical instance of its row, in the scope and tenant of
     * {@code owner}; otherwise {@code null}.
     */
    @Nullable EntityRef canonicalKey(Object entity, SessionOwner owner, SharedSessionContractImplementor session) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entity.getClass());
        EntityBinding binding = persister == null ? null : bindingOf(persister);
        Object id = binding == null ? null : persister.getIdentifier(entity, session);
        EntityRef key = id == null ? null : binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        return key != null && map.get(key) == entity ? key : null;
    }

    /**
     * The key of a canonical entity's row in the scope of {@code session}, or {@code null} if the persister's
     * entities are plain or the session has no owner.
     */
    @Nullable EntityRef keyOf(EntityPersister persister, Object id, SharedSessionContractImplementor session) {
        EntityBinding binding = bindingOf(persister);
        SessionOwner owner = binding == null ? null : owners.of(session);
        return owner == null ? null : binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
    }

    /** The store's binding of a canonical entity's persister, or {@code null} if its entities are plain. */
    @Nullable EntityBinding bindingOf(EntityPersister persister) {
        if (persister instanceof CanonicalPersister canonical) {
            EntityBinding binding = canonical.binding();
            return binding.isCanonical() ? binding : null;
        }
        return null;
    }

    /** Records a tenant identifier seen in a load, to find the key of an instance whose tenant is not known. */
    void tenantSeen(@Nullable Object tenantId) {
        if (tenantId != null && !tenants.contains(tenantId)) {
            tenants.add(tenantId);
        }
    }

    /**
     * The scopes that may hold canonical instances: the factory scope ({@code null}) and every client scope seen
     * whose entries are still alive (rule 12).
     */
    List<@Nullable Object> scopes() {
        if (settings.scopeResolver() == null) {
            return FACTORY_SCOPE;
        }
        List<@Nullable Object> all = new ArrayList<>();
        all.add(null);
        synchronized (clientScopes) {
            all.addAll(clientScopes.keySet());
        }
        return all;
    }

    /** A session opened in client scope {@code scope}: committed state must reach that scope too. */
    void scopeSeen(@Nullable Object scope) {
        if (scope != null) {
            clientScopes.putIfAbsent(scope, Boolean.TRUE);
        }
    }

    private void released(EntityRef key, @Nullable Object state) {
        Class<?> type = state instanceof RowState row ? row.entityClass : key.root.rootClass;
        flight.release(type, key);
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
        EntityRef key = apiKey(persister, tenantId, coerceId(persister, id));
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
        EntityRef key = apiKey(persister, null, coerceId(persister, id));
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
        Object scope = owners.currentScope();
        scopeSeen(scope);
        EntityRef key = binding.root.key(scope, binding.root.tenantOf(target), id);
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

    /** The key of a row in the calling thread's current scope, or {@code null} if the entity is not canonical. */
    private @Nullable EntityRef apiKey(EntityPersister persister, @Nullable Object tenantId, Object id) {
        EntityBinding binding = bindingOf(persister);
        return binding == null ? null : binding.root.key(owners.currentScope(), tenantId, id);
    }

    /**
     * Converts {@code id} to the entity's identifier type as {@code EntityManager.find} does.
     *
     * @throws IllegalArgumentException naming the value, the entity and the expected type, if it cannot be
     */
    private static Object coerceId(EntityPersister persister, Object id) {
        var mapping = persister.getIdentifierMapping();
        // an @IdClass (a "virtual" identifier) is found by an instance of the id class, as EntityManager.find does
        Class<?> expected = mapping.isVirtual()
                ? persister.getIdentifierType().getReturnedClass()
                : mapping.getJavaType().getJavaTypeClass();
        Object coerced;
        try {
            coerced = mapping.isVirtual() ? id : mapping.getJavaType().coerce(id);
        } catch (RuntimeException e) {
            throw wrongId(persister, id, expected, e);
        }
        if (!expected.isInstance(coerced)) {
            throw wrongId(persister, id, expected, null);
        }
        return coerced;
    }

    private static IllegalArgumentException wrongId(EntityPersister persister, Object id, Class<?> expected,
            @Nullable RuntimeException cause) {
        return new IllegalArgumentException("Argument '" + id + "' of type " + id.getClass().getName()
                + " is not an identifier of entity '" + persister.getEntityName() + "': expected a "
                + expected.getName(), cause);
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

    /**
     * Finds the key under which {@code entity} is the live canonical instance: in the calling thread's scope, with
     * its {@code @TenantId} if it has one, or else trying every tenant and scope seen.
     */
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
        EntityRef key = binding.root.key(owners.currentScope(), binding.root.tenantOf(entity), id);
        if (map.get(key) == entity) {
            return key;
        }
        List<@Nullable Object> tenantIds = new ArrayList<>(tenants);
        tenantIds.add(0, null);
        for (Object scope : scopes()) {
            for (Object tenantId : tenantIds) {
                EntityRef candidate = binding.root.key(scope, tenantId, id);
                if (map.get(candidate) == entity) {
                    return candidate;
                }
            }
        }
        return key; // map.retain/release explain why it is not canonical, if it is not
    }
}
