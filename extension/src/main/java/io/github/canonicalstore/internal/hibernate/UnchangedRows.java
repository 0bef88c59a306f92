package io.github.canonicalstore.internal.hibernate;

import org.hibernate.LockMode;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;
import org.hibernate.stat.spi.StatisticsImplementor;
import org.hibernate.type.CollectionType;
import org.hibernate.type.EntityType;
import org.hibernate.type.TypeHelper;
import org.hibernate.type.Type;

/**
 * Hands out a versioned canonical instance whose row has not changed without hydrating the row (issue #12): when a
 * query's row carries the {@code @Version} of the instance's snapshot and the instance is a hit without pending edits,
 * the instance becomes managed by the loading session as it is, with its snapshot as the loaded state, as an entity
 * the session already holds is not hydrated again ({@code EntityInitializerImpl}). Only the key and version columns
 * of the row are read; nothing is written into the instance (rule 11), and rule 2 holds because a row with the same
 * version holds the same state.
 *
 * <p>Used by {@link UnchangedRowInitializer} for the entity results of queries and loads by id. Entities that fall
 * outside what this covers are hydrated and compared as before ({@link HitWrites}): unversioned ones, those with a
 * second-level cache (a load would put the row into it), a natural id (a load caches its resolution), bytecode
 * enhancement for laziness, or associations inside embeddables or {@code @Any}; and a hit whose collections or
 * uninitialised references could not be bound to the loading session.
 *
 * <p>Stateless; runs on the loading thread.
 */
final class UnchangedRows {
    private UnchangedRows() {
    }

    /** What {@link #keep} did. */
    enum Kept {
        /** Nothing: Hibernate hydrates the row. */
        NOT,
        /** Handed out as it is; none of its associations is initialised. */
        ALONE,
        /** Handed out as it is; some of its associations are initialised. */
        WITH_GRAPH
    }

    /** @return whether loads of {@code binding}'s entity may hand out unchanged rows as they are */
    static boolean covers(EntityBinding binding) {
        EntityPersister persister = binding.persister;
        if (!binding.isCanonical() || binding.versionIndex() < 0 || binding.enhancedForLazyLoading
                || persister.canWriteToCache() || persister.getNaturalIdMapping() != null) {
            return false;
        }
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            if (binding.isAssociation(i) && !(types[i] instanceof CollectionType)
                    && !(types[i] instanceof EntityType)) {
                return false; // an association inside an embeddable, or @Any
            }
        }
        return true;
    }

    /**
     * Makes {@code instance}, a hit of this thread's load, managed by the row's session as it is, if the row is
     * unchanged: the row carries the version of the instance's snapshot.
     *
     * @return what it did
     */
    static Kept keep(EntityBinding binding, Object instance, Object id, RowProcessingState row) {
        SharedSessionContractImplementor session = row.getSession();
        EntityPersister persister = binding.persister;
        Object[] values = persister.getValues(instance);
        Kept kept = boundTo(binding, values, session);
        if (kept == Kept.NOT) {
            return kept;
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        EntityKey key = session.generateEntityKey(id, persister);
        EntityHolder holder = context.getEntityHolder(key);
        if (holder == null || holder.getEntity() != null) {
            return Kept.NOT;
        }
        // the instance has no pending edits (the claim checked it): its values are its row's, as loaded state
        TypeHelper.deepCopy(values, persister.getPropertyTypes(), persister.getPropertyUpdateability(), values,
                session);
        LockMode lockMode = row.isTransactionActive() ? LockMode.READ : LockMode.NONE; // as a hydrated row gets
        Reattachment.registerLoaded(binding, instance, key, values, session, lockMode);
        Boolean readOnly = row.getQueryOptions().isReadOnly();
        if (readOnly == null ? session.isDefaultReadOnly() : readOnly) {
            context.setReadOnly(instance, true);
        }
        context.getEntry(instance).postLoad(instance);
        StatisticsImplementor statistics = session.getFactory().getStatistics();
        if (statistics.isStatisticsEnabled() && !row.isQueryCacheHit()) {
            statistics.loadEntity(persister.getEntityName());
        }
        // POST_LOAD (and @PostLoad) fires for it once the load finishes, as for a hydrated row; then the holder is
        // Hibernate's as for any instance its persistence context holds, so that no initializer of this load
        // treats it as loading (its lazy to-ones are not resolved again)
        row.getJdbcValuesSourceProcessingState().registerLoadingEntityHolder(holder);
        holder.resetEntityInitialier();
        return kept;
    }

    /**
     * Whether every collection in {@code values} (an instance's) and every uninitialised reference is bound to
     * {@code session} ({@link Reattachment#prepare} did so where it could), and whether any of them is initialised.
     *
     * @return {@code NOT} if the load must replace some of them
     */
    private static Kept boundTo(EntityBinding binding, Object[] values, SharedSessionContractImplementor session) {
        if (!binding.hasAssociations()) {
            return Kept.ALONE;
        }
        Type[] types = binding.persister.getPropertyTypes();
        boolean initialised = false;
        for (int i = 0; i < types.length; i++) {
            Object value = values[i];
            if (!binding.isAssociation(i)) {
                continue;
            }
            if (types[i] instanceof CollectionType) {
                // a collection that is not the session's (or none: the load would give it one) must be replaced
                if (!(value instanceof AbstractPersistentCollection<?> collection)
                        || collection.getSession() != session || collection.isUnreferenced()) {
                    return Kept.NOT;
                }
                initialised |= collection.wasInitialized();
            } else if (value != null) {
                LazyInitializer lazy = HibernateProxy.extractLazyInitializer(value);
                if (lazy == null || !lazy.isUninitialized()) {
                    initialised = true;
                } else if (lazy.getSession() != session) {
                    return Kept.NOT;
                }
            }
        }
        return initialised ? Kept.WITH_GRAPH : Kept.ALONE;
    }
}
