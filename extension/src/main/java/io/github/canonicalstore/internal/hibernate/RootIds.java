package io.github.canonicalstore.internal.hibernate;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * How the identifiers of one entity hierarchy compare: by Hibernate's identifier type, as {@code EntityKey} and
 * the second-level cache do, not by the user's {@code equals}. One instance per root entity per SessionFactory, so
 * keys compare their roots with {@code ==}. Immutable and thread-safe.
 */
final class RootIds {
    final String rootEntityName;
    private final Type idType;
    private final SessionFactoryImplementor factory;

    RootIds(String rootEntityName, Type idType, SessionFactoryImplementor factory) {
        this.rootEntityName = rootEntityName;
        this.idType = idType;
        this.factory = factory;
    }

    EntityRef key(@Nullable Object tenantId, Object id) {
        return new EntityRef(tenantId, this, id);
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
