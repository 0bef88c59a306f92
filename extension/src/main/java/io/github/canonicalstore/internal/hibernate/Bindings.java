package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.NonCanonical;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.annotations.TenantId;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.RepresentationMode;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Decides which entities of a factory are canonical and how their rows are keyed: excluded entities (by setting or
 * {@link NonCanonical}, with their subclasses) and non-POJO ones are plain; every other persister gets an
 * {@link EntityBinding}, and every entity hierarchy one {@link RootIds}. Thread-safe.
 */
final class Bindings {
    private final HibernateCanonicalStore store;
    private final SessionFactoryImplementor factory;
    private final Set<String> excluded;
    private final ConcurrentHashMap<String, RootIds> roots = new ConcurrentHashMap<>();

    Bindings(HibernateCanonicalStore store, SessionFactoryImplementor factory, Set<String> excluded) {
        this.store = store;
        this.factory = factory;
        this.excluded = excluded;
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
        for (String name : excluded) {
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
        return new EntityBinding(store, persister, root, mappedClass,
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
            if (excluded.contains(type.getEntityName())
                    || excluded.contains(type.getEntityPersister().getJpaEntityName())) {
                return true;
            }
        }
        return false;
    }
}
