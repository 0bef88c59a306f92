package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalConflictException;
import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreStatistics;
import io.github.canonicalstore.NonCanonical;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import io.github.canonicalstore.internal.store.CanonicalMap;
import io.github.canonicalstore.internal.store.StoreCounters;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.RepresentationMode;
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
 * <p>Thread-safe. The hot path is {@link #instantiate}: one {@code HashMap} lookup for the session's owner, one key
 * allocation and one {@link CanonicalMap#claim}.
 */
public final class HibernateCanonicalStore implements CanonicalStore, Service, Stoppable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final SessionFactoryImplementor factory;
    private final StoreSettings settings;
    private final StoreCounters counters = new StoreCounters();
    private final CanonicalMap<EntityRef, Object> map = new CanonicalMap<>(counters, key -> { });
    private final ConcurrentHashMap<String, RootIds> roots = new ConcurrentHashMap<>();
    /** Tenant identifiers seen in loads, to find the key of an instance whose tenant is not known. */
    private final Set<Object> tenants = ConcurrentHashMap.newKeySet();

    HibernateCanonicalStore(SessionFactoryImplementor factory, StoreSettings settings) {
        this.factory = factory;
        this.settings = settings;
    }

    CanonicalMap<EntityRef, Object> map() {
        return map;
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
        return new EntityBinding(this, root, mappedClass,
                persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading());
    }

    private RootIds rootIds(String rootEntityName) {
        EntityPersister root = factory.getMappingMetamodel().getEntityDescriptor(rootEntityName);
        return new RootIds(rootEntityName, root.getIdentifierType(), factory);
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

    /**
     * The instance a load in {@code session} gets for row {@code id} of {@code persister}'s entity: the canonical
     * one if the store may hand it to this session, otherwise a private one (SEMANTICS rules 1 and 3).
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
                binding.busy);
        if (canonical == null) {
            if (settings.failOnConflict()) {
                throw new CanonicalConflictException(tenantId, binding.root.rootEntityName, id,
                        "is managed by another open session");
            }
            counters.recordIsolation();
            return persister.instantiatePlain(id, session);
        }
        owner.claimed(key);
        persister.relink(canonical, id, session);
        return canonical;
    }

    /**
     * Whether a load of row {@code id} in {@code session} would hand out a live canonical instance: one is alive,
     * of the binding's class, and no other open session owns it.
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
                && !binding.busy.test(live)
                && !owner.isMerging(live);
    }

    /**
     * Makes {@code entity}, just initialised in {@code session} without passing through {@link #instantiate} (an
     * enhanced lazy proxy), the canonical instance of its row if none is alive.
     */
    void adopt(EntityBinding binding, Object entity, Object id, SharedSessionContractImplementor session) {
        SessionOwner owner = session.getExtension(SessionOwner.class);
        if (owner == null || entity.getClass() != binding.mappedClass) {
            return;
        }
        EntityRef key = binding.root.key(session.getTenantIdentifierValue(), id);
        if (map.adopt(key, entity, owner)) {
            owner.claimed(key);
        }
    }

    /** The key of a canonical entity persister's row, or {@code null} if the persister's entities are plain. */
    @Nullable EntityRef keyOf(EntityPersister persister, @Nullable Object tenantId, Object id) {
        if (!(persister instanceof CanonicalPersister canonical)) {
            return null;
        }
        EntityBinding binding = canonical.binding();
        return binding.isCanonical() ? binding.root.key(tenantId, id) : null;
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
        return CanonicalStoreStatistics.of(
                counters.hits(), counters.misses(), counters.isolations(), counters.releases());
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
        return key != null && map.remove(key);
    }

    @Override
    public void evictAll() {
        map.clear();
    }

    @Override
    public void cleanUp() {
        map.cleanUp();
    }

    @Override
    public void stop() {
        map.clear();
    }

    @Override
    public String toString() {
        return "CanonicalStore[" + factory.getName() + ", size=" + size() + ", " + statistics() + "]";
    }

    // ---------------------------------------------------------------------------------------- helpers

    private EntityPersister requireEntity(Class<?> type) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(type);
        if (persister == null) {
            throw new IllegalArgumentException(
                    "not an entity class of this SessionFactory: " + type.getName());
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
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entity.getClass());
        if (persister == null) {
            throw new IllegalArgumentException("not an entity of this SessionFactory: " + entity.getClass().getName());
        }
        Object id = persister.getIdentifier(entity, (SharedSessionContractImplementor) null);
        if (id == null) {
            throw new IllegalArgumentException("not canonical: " + persister.getEntityName() + " instance "
                    + "has no identifier (a transient entity is never canonical)");
        }
        EntityRef key = keyOf(persister, null, id);
        if (key == null) {
            throw new IllegalArgumentException("not canonical: entity " + persister.getEntityName()
                    + " is excluded from the canonical store");
        }
        if (map.get(key) != entity) {
            for (Object tenantId : tenants) {
                EntityRef tenantKey = keyOf(persister, tenantId, id);
                if (tenantKey != null && map.get(tenantKey) == entity) {
                    return tenantKey;
                }
            }
        }
        return key; // map.retain/release explain why it is not canonical, if it is not
    }
}
