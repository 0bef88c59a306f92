package io.github.canonicalstore.internal.hibernate;

import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.Initializer;
import org.hibernate.sql.results.graph.InitializerParent;
import org.hibernate.sql.results.graph.entity.internal.EntityResultImpl;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's entity result of a query or a load by id, with the store's initializer
 * ({@link UnchangedRowInitializer}). Made by the store's persisters ({@code createDomainResult}) on Hibernate 7.4
 * only, whose initializer constructor it calls ({@link #SUPPORTED}); on 7.2 and 7.3 Hibernate's own result is used.
 *
 * @param <E> the entity type
 */
final class CanonicalEntityResult<E> extends EntityResultImpl<E> {
    /** Whether this Hibernate line has the initializer constructor this class calls (7.4). */
    static final boolean SUPPORTED = hasAuditChangesetId();

    CanonicalEntityResult(NavigablePath navigablePath, EntityValuedModelPart entity, TableGroup tableGroup,
            @Nullable String resultVariable) {
        super(navigablePath, entity, tableGroup, resultVariable);
    }

    @Override
    public Initializer<?> createInitializer(InitializerParent<?> parent, AssemblerCreationState creationState) {
        return new UnchangedRowInitializer(this, getSourceAlias(), creationState);
    }

    private static boolean hasAuditChangesetId() {
        try {
            EntityResultImpl.class.getMethod("getAuditChangesetIdResult");
            return true;
        } catch (NoSuchMethodException olderThan74) {
            return false;
        }
    }
}
