package io.github.canonicalstore.internal.hibernate;

import org.hibernate.bytecode.spi.BytecodeEnhancementMetadata;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.DomainResultCreationState;
import org.jspecify.annotations.Nullable;

/**
 * The logic shared by the store's three persister classes: route {@code instantiate(id, session)} through the
 * store, and keep enhanced lazy proxies private.
 *
 * <p>Thread-safe: the binding is computed at most a few times under a race and every result is equal.
 */
final class PersisterSupport {
    private final AbstractEntityPersister persister;
    private final CanonicalPersister self;
    private volatile @Nullable EntityBinding binding;
    private volatile @Nullable BytecodeEnhancementMetadata guardedMetadata;

    <P extends AbstractEntityPersister & CanonicalPersister> PersisterSupport(P persister) {
        this.persister = persister;
        this.self = persister;
    }

    /**
     * {@code EntityPersister.instantiate(id, session)}: the canonical instance for the row when the store may hand
     * it to {@code session}, otherwise a new instance.
     *
     * <p>Hibernate calls it for every instance it materialises from SQL results and second-level-cache entries,
     * in stateful and stateless sessions alike (hibernate-internals notes, sections 1.2 and 12), and then writes the
     * row's state into the instance: that write is what refreshes a canonical instance handed out again.
     */
    Object instantiate(@Nullable Object id, SharedSessionContractImplementor session) {
        if (id == null) {
            return self.instantiatePlain(null, session);
        }
        EntityBinding bound = binding();
        if (!bound.isCanonical() || bound.enhancedForLazyLoading && EnhancedProxyGuard.isCreatingProxy()) {
            return self.instantiatePlain(id, session);
        }
        return bound.store.loads().instantiate(bound, self, id, session);
    }

    /**
     * {@code EntityPersister.createDomainResult}: the entity result of a query or a load by id, with the initializer
     * that hands out unchanged rows as they are ({@link UnchangedRows}), where the entity hierarchy may have them.
     *
     * @return the result, or {@code null} for Hibernate's own
     */
    <T> @Nullable DomainResult<T> createDomainResult(NavigablePath navigablePath, TableGroup tableGroup,
            @Nullable String resultVariable, DomainResultCreationState creationState) {
        if (!CanonicalEntityResult.SUPPORTED || !anyKeepsUnchangedRows()) {
            return null;
        }
        CanonicalEntityResult<T> result =
                new CanonicalEntityResult<>(navigablePath, persister, tableGroup, resultVariable);
        result.afterInitialize(result, creationState);
        return result;
    }

    /** Whether this entity or one of its subclasses hands out unchanged rows without hydrating them. */
    private boolean anyKeepsUnchangedRows() {
        if (binding().keepsUnchangedRows()) {
            return true;
        }
        for (var subclass : persister.getSubMappingTypes()) {
            if (subclass.getEntityPersister() instanceof CanonicalPersister canonical
                    && canonical.binding().keepsUnchangedRows()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code EntityPersister.setValues(entity, values)}: for a canonical instance that a load is handing out again,
     * writes only what the row changed ({@link LoadPath#writeLoaded}).
     *
     * @return whether it was written here; otherwise the caller writes as Hibernate does
     */
    boolean setValues(Object entity, Object[] values) {
        EntityBinding bound = binding();
        return bound.isCanonical() && entity.getClass() == bound.mappedClass
                && bound.store.loads().writeLoaded(bound, entity, values);
    }

    /**
     * A lock incremented the version of row {@code id} to {@code version} in {@code session}: once the transaction
     * commits, that is the committed version of its canonical instance.
     *
     * @return {@code version}
     */
    Object versionForced(Object id, Object version, SharedSessionContractImplementor session) {
        EntityBinding bound = binding();
        if (bound.isCanonical()) {
            SessionOwner owner = bound.store.owners().of(session);
            if (owner != null) {
                owner.transaction().versionForced(
                        bound.root.key(owner.scope, session.getTenantIdentifierValue(), id), version);
            }
        }
        return version;
    }

    /** Lazy state is about to be loaded through {@code session}: see {@link LazyLoadGuard}. */
    void checkLazyLoad(SharedSessionContractImplementor session, String attribute) {
        EntityBinding bound = binding();
        if (bound.isCanonical()) {
            LazyLoadGuard.check(bound.store, session, "attribute " + persister.getEntityName() + "." + attribute);
        }
    }

    EntityBinding binding() {
        EntityBinding bound = binding;
        if (bound == null) {
            HibernateCanonicalStore store =
                    persister.getFactory().getServiceRegistry().getService(HibernateCanonicalStore.class);
            bound = store == null ? EntityBinding.PLAIN : store.bind(persister);
            binding = bound;
        }
        return bound;
    }

    /**
     * Wraps Hibernate's enhancement metadata so that an enhanced entity created as a lazy proxy is never the
     * canonical instance: a proxy is initialised in place later, by its own session, and would otherwise turn an
     * initialised canonical instance back into an uninitialised one.
     */
    BytecodeEnhancementMetadata enhancementMetadata(BytecodeEnhancementMetadata original) {
        if (!original.isEnhancedForLazyLoading()) {
            return original;
        }
        BytecodeEnhancementMetadata guarded = guardedMetadata;
        if (guarded == null) {
            guarded = new EnhancedProxyGuard(original, this);
            guardedMetadata = guarded;
        }
        return guarded;
    }
}
