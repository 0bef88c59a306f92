package io.github.canonicalstore.internal.hibernate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The store's key for a row: {@code (scope, tenant identifier, root entity, id)}. Unlike Hibernate's
 * {@code EntityKey}, which is "only safe within the scope of a Session", it includes the tenant, and the client
 * scope of SEMANTICS rule 12 ({@code null} for the factory scope). Immutable; the hash is computed once.
 */
final class EntityRef {
    final @Nullable Object scope;
    final @Nullable Object tenantId;
    final RootIds root;
    final Object id;
    private final int hash;

    EntityRef(@Nullable Object scope, @Nullable Object tenantId, RootIds root, Object id) {
        this.scope = scope;
        this.tenantId = tenantId;
        this.root = root;
        this.id = id;
        this.hash = 31 * (31 * (31 * Objects.hashCode(scope) + Objects.hashCode(tenantId))
                + root.rootEntityName.hashCode()) + root.hash(id);
    }

    /** The key of the same row in another scope. */
    EntityRef inScope(@Nullable Object otherScope) {
        return Objects.equals(scope, otherScope) ? this : new EntityRef(otherScope, tenantId, root, id);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof EntityRef that
                        && hash == that.hash
                        && root == that.root
                        && Objects.equals(tenantId, that.tenantId)
                        && Objects.equals(scope, that.scope)
                        && root.same(id, that.id);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return root.rootEntityName + "#" + id + (tenantId == null ? "" : " (tenant " + tenantId + ")")
                + (scope == null ? "" : " (scope " + scope + ")");
    }
}
