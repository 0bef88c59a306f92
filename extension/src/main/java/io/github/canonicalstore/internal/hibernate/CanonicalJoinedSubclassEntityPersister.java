package io.github.canonicalstore.internal.hibernate;

import org.hibernate.HibernateException;
import org.hibernate.bytecode.spi.BytecodeEnhancementMetadata;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.DomainResultCreationState;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's {@link JoinedSubclassEntityPersister} with the store's hooks (see {@link PersisterSupport}): {@code instantiate(id, session)}
 * hands out canonical instances, {@code setValues} writes into one only what a load changed, and lazy loading and
 * forced version increments report to the store. Chosen by {@link CanonicalPersisterClassResolver} when the store is
 * enabled. Thread-safe, as Hibernate's persisters are.
 */
public class CanonicalJoinedSubclassEntityPersister extends JoinedSubclassEntityPersister implements CanonicalPersister {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final PersisterSupport support;

    /**
     * The constructor Hibernate's {@code PersisterFactory} calls.
     *
     * @param persistentClass the boot model of the entity
     * @param cacheAccessStrategy its second-level-cache access, or {@code null}
     * @param naturalIdRegionAccessStrategy its natural-id cache access, or {@code null}
     * @param creationContext the runtime model being built
     * @throws HibernateException as Hibernate's constructor does
     */
    public CanonicalJoinedSubclassEntityPersister(
            PersistentClass persistentClass,
            @Nullable EntityDataAccess cacheAccessStrategy,
            @Nullable NaturalIdDataAccess naturalIdRegionAccessStrategy,
            RuntimeModelCreationContext creationContext) throws HibernateException {
        super(persistentClass, cacheAccessStrategy, naturalIdRegionAccessStrategy, creationContext);
        this.support = new PersisterSupport(this);
    }

    // support is null only while the super constructor runs

    @Override
    public Object instantiate(@Nullable Object id, SharedSessionContractImplementor session) {
        return support == null ? super.instantiate(id, session) : support.instantiate(id, session);
    }

    @Override
    public <T> DomainResult<T> createDomainResult(NavigablePath navigablePath, TableGroup tableGroup,
            @Nullable String resultVariable, DomainResultCreationState creationState) {
        DomainResult<T> result = support == null
                ? null : support.createDomainResult(navigablePath, tableGroup, resultVariable, creationState);
        return result != null
                ? result : super.createDomainResult(navigablePath, tableGroup, resultVariable, creationState);
    }

    @Override
    public void setValues(Object object, Object[] values) {
        if (support == null || !support.setValues(object, values)) {
            super.setValues(object, values);
        }
    }

    @Override
    public Object forceVersionIncrement(Object id, Object currentVersion, SharedSessionContractImplementor session) {
        return support.versionForced(id, super.forceVersionIncrement(id, currentVersion, session), session);
    }

    @Override
    public Object forceVersionIncrement(Object id, Object currentVersion, boolean batching,
            SharedSessionContractImplementor session) throws HibernateException {
        return support.versionForced(id, super.forceVersionIncrement(id, currentVersion, batching, session),
                session);
    }

    @Override
    public Object initializeLazyProperty(String fieldName, Object entity, SharedSessionContractImplementor session) {
        support.checkLazyLoad(session, fieldName);
        return super.initializeLazyProperty(fieldName, entity, session);
    }

    @Override
    public Object initializeEnhancedEntityUsedAsProxy(Object entity, String nameOfAttributeBeingAccessed,
            SharedSessionContractImplementor session) {
        support.checkLazyLoad(session, nameOfAttributeBeingAccessed);
        return super.initializeEnhancedEntityUsedAsProxy(entity, nameOfAttributeBeingAccessed, session);
    }

    @Override
    public BytecodeEnhancementMetadata getBytecodeEnhancementMetadata() {
        BytecodeEnhancementMetadata original = super.getBytecodeEnhancementMetadata();
        return support == null ? original : support.enhancementMetadata(original);
    }

    @Override
    public Object instantiatePlain(@Nullable Object id, SharedSessionContractImplementor session) {
        return super.instantiate(id, session);
    }

    @Override
    public void relink(Object entity, SharedSessionContractImplementor session) {
        linkToSession(entity, session);
    }

    @Override
    public EntityBinding binding() {
        return support.binding();
    }
}
