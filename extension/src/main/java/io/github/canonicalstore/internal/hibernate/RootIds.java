package io.github.canonicalstore.internal.hibernate;

import java.lang.reflect.Field;
import org.hibernate.engine.spi.SessionFactoryImplementor;
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

    RootIds(String rootEntityName, Type idType, SessionFactoryImplementor factory, @Nullable Class<?> rootClass,
            @Nullable Field tenantIdField) {
        this.rootEntityName = rootEntityName;
        this.idType = idType;
        this.factory = factory;
        this.rootClass = rootClass == null ? Object.class : rootClass;
        this.tenantIdField = tenantIdField;
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

    int hash(Object id) {
        return idType.getHashCode(id, factory);
    }

    boolean same(Object a, Object b) {
        return a == b || idType.isEqual(a, b, factory);
    }

    @Override
    public String toString() {
        return rootEntityName;
    }
}
