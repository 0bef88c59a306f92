package io.github.canonicalstore.internal.hibernate;

import org.hibernate.LockMode;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.DomainResultAssembler;
import org.hibernate.sql.results.graph.entity.internal.EntityInitializerImpl;
import org.hibernate.sql.results.graph.entity.internal.EntityResultImpl;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;

/**
 * Hibernate's initializer of an entity result, which reads a row's {@code @Version} before the row is hydrated, so
 * that a canonical instance whose row has not changed is handed out as it is ({@link UnchangedRows}). Hibernate Reactive
 * extends {@link EntityInitializerImpl} the same way: {@code instantiateEntity} is its documented extension point.
 *
 * <p>One per result of a query plan, shared by its executions, as Hibernate's own; its per-row state lives in the
 * row processing state, so it is as thread-safe as Hibernate's.
 */
final class UnchangedRowInitializer extends EntityInitializerImpl {
    private final String sourceAlias;

    UnchangedRowInitializer(EntityResultImpl<?> result, String sourceAlias, AssemblerCreationState creationState) {
        // the arguments of EntityResultImpl.createInitializer (Hibernate 7.4)
        super(result, sourceAlias, result.getIdentifierFetch(), result.getDiscriminatorFetch(), null,
                result.getRowIdResult(), result.getAuditChangesetIdResult(), NotFoundAction.EXCEPTION, false, null,
                true, creationState);
        this.sourceAlias = sourceAlias;
    }

    @Override
    protected Object instantiateEntity(EntityInitializerData data) {
        RowProcessingState row = data.getRowProcessingState();
        EntityPersister concrete = getConcreteDescriptor(data);
        DomainResultAssembler<?> versionAssembler = getVersionAssembler();
        if (versionAssembler == null || !(concrete instanceof CanonicalPersister canonical)
                || !canonical.binding().keepsUnchangedRows() || row.isQueryCacheHit() || isRefreshing(data)
                || row.determineEffectiveLockMode(sourceAlias) != LockMode.NONE) {
            return super.instantiateEntity(data);
        }
        Object version = versionAssembler.assemble(row);
        Object instance = super.instantiateEntity(data);
        Object id = getEntityIdentifier(data);
        EntityBinding binding = canonical.binding();
        if (version != null && id != null
                && binding.store.loads().keepUnchanged(binding, instance, id, version, row)) {
            data.setState(State.INITIALIZED); // as Hibernate's own early exit for a reference-cache hit
        }
        return instance;
    }
}
