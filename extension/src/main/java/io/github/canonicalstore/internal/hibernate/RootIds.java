package io.github.canonicalstore.internal.hibernate;

import java.lang.reflect.Field;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * One entity hierarchy as the store keys it: its root, how its identifiers compare (by Hibernate's identifier
 * type, as {@code EntityKey} and the second-level cache do, not by the user's {@code equals}), and where an
 * instance keeps its {@code @TenantId}, if it has one. One instance per root entity per SessionFactory, so keys
 * compare their roots with {@code ==}. Immutable and thread-safe.
 */
final class RootIds {
    final String rootEntityName;
    final Class<?> rootClass;
    private final Type idType;
    private final SessionFactoryImplementor factory;
    private final @Nullable Field tenantIdField;
    /** Whether the id holds an entity (an association in a composite id), whose own id may not be assigned yet. */
    private final boolean holdsEntities;

    RootIds(String rootEntityName, Type idType, SessionFactoryImplementor factory, @Nullable Class<?> rootClass,
            @Nullable Field tenantIdField) {
        this.rootEntityName = rootEntityName;
        this.idType = idType;
        this.factory = factory;
        this.rootClass = rootClass == null ? Object.class : rootClass;
        this.tenantIdField = tenantIdField;
        this.holdsEntities = holdsEntities(idType);
        if (tenantIdField != null) {
            tenantIdField.setAccessible(true);
        }
    }

    EntityRef key(@Nullable Object scope, @Nullable Object tenantId, Object id) {
        return new EntityRef(scope, tenantId, this, id);
    }

    /**
     * The tenant identifier an instance carries in its {@code @TenantId} attribute; {@code null} for hierarchies
     * without one (with a tenant per schema or database, an instance does not know its tenant).
     */
    @Nullable Object tenantOf(Object entity) {
        if (tenantIdField == null) {
            return null;
        }
        try {
            return tenantIdField.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read @TenantId " + tenantIdField, e);
        }
    }

    /**
     * The hash of an identifier, consistent with {@link #same}. Hibernate's own hash of a composite id throws for an
     * entity part whose id is not assigned yet (a merge or persist cascades to an entity whose composite id holds a
     * new entity, HHH-16825): such a part hashes as 0 here, and {@link #same} finds it equal only to a part whose id
     * is not assigned either, so such a key never matches an entry.
     */
    int hash(Object id) {
        return holdsEntities ? hash(idType, id) : idType.getHashCode(id, factory);
    }

    private int hash(Type type, Object value) {
        if (type instanceof ComponentType composite) {
            Type[] types = composite.getSubtypes();
            Object[] parts = composite.getPropertyValues(value);
            int result = 17;
            for (int i = 0; i < types.length; i++) {
                result *= 37;
                if (parts[i] != null) {
                    result += hash(types[i], parts[i]);
                }
            }
            return result;
        }
        if (type instanceof EntityType entity && entity.isReferenceToPrimaryKey()) {
            EntityPersister target = entity.getAssociatedEntityPersister(factory);
            Object id = idOf(value, target);
            return id == null ? 0 : hash(target.getIdentifierType(), id);
        }
        return type.getHashCode(value, factory);
    }

    /** The id of a referenced entity (or the id itself, where an id class holds it), as {@code EntityType} reads it. */
    private static @Nullable Object idOf(Object value, EntityPersister target) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(value);
        if (lazy != null) {
            return lazy.getInternalIdentifier();
        }
        return target.getMappedClass().isInstance(value) ? target.getIdentifier(value) : value;
    }

    private static boolean holdsEntities(Type type) {
        if (type instanceof EntityType) {
            return true;
        }
        if (type instanceof ComponentType composite) {
            for (Type part : composite.getSubtypes()) {
                if (holdsEntities(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean same(Object a, Object b) {
        return a == b || idType.isEqual(a, b, factory);
    }

    @Override
    public String toString() {
        return rootEntityName;
    }
}
