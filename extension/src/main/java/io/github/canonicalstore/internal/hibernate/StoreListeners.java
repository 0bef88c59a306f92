package io.github.canonicalstore.internal.hibernate;

import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.event.spi.ClearEvent;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.ClearEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EvictEvent;
import org.hibernate.event.spi.EvictEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PostUpsertEvent;
import org.hibernate.event.spi.PostUpsertEventListener;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;

/**
 * The event listeners through which the store follows what sessions do with canonical instances. Registered by
 * {@link CanonicalStoreIntegrator}; stateless and thread-safe (per-session state lives in {@link SessionOwner}).
 */
final class StoreListeners {
    private StoreListeners() {
    }

    /** A cleared persistence context (also on rollback) no longer manages any canonical instance. */
    static final class Clear implements ClearEventListener {
        private final HibernateCanonicalStore store;

        Clear(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onClear(ClearEvent event) {
            SessionOwner owner = store.owners().of(event.getSession());
            if (owner != null) {
                owner.disownAll();
            }
        }
    }

    /** An evicted (detached) canonical instance is free for other sessions again. */
    static final class Evict implements EvictEventListener {
        private final HibernateCanonicalStore store;

        Evict(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onEvict(EvictEvent event) throws HibernateException {
            EventSource session = event.getSession();
            SessionOwner owner = store.owners().of(session);
            Object entity = initialisedTarget(event.getObject());
            if (owner == null || entity == null) {
                return;
            }
            EntityPersister persister = session.getFactory().getMappingMetamodel()
                    .findEntityDescriptor(entity.getClass());
            if (persister == null) {
                return;
            }
            Object id = persister.getIdentifier(entity, session);
            EntityRef key = id == null ? null : store.keyOf(persister, id, session);
            if (key != null) {
                owner.disown(key);
            }
        }
    }

    /**
     * A load finished: a canonical instance records the state Hibernate loaded as its committed state, and an
     * enhanced entity that served as its own lazy proxy (see {@link EnhancedProxyGuard}) becomes canonical if no
     * canonical instance is alive.
     */
    static final class AfterLoad implements PostLoadEventListener {
        @Override
        public void onPostLoad(PostLoadEvent event) {
            if (event.getPersister() instanceof CanonicalPersister canonical) {
                EntityBinding binding = canonical.binding();
                if (binding.isCanonical()) {
                    binding.store.loads().afterLoad(binding, event.getEntity(), event.getId(), event.getSession());
                }
            }
        }
    }

    /** A committed update reaches the canonical instance of its row (SEMANTICS rule 5). */
    static final class UpdateCommitted implements PostCommitUpdateEventListener {
        private static final long serialVersionUID = 1L;

        private final transient HibernateCanonicalStore store;

        UpdateCommitted(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            store.outcomes().afterCommittedUpdate(event.getPersister(), event.getEntity(), event.getId(),
                    event.getState(), event.getSession());
        }

        @Override
        public void onPostUpdateCommitFailed(PostUpdateEvent event) {
            // nothing was committed: a rollback restores the canonical instance if it changed
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return persister instanceof CanonicalPersister canonical && canonical.binding().isCanonical();
        }
    }

    /**
     * A StatelessSession writes at once and reports no commit: its updates and deletes reach the store when its
     * transaction commits (at once without a transaction). Stateful sessions are followed by the post-commit
     * listeners instead.
     */
    static final class StatelessWrites
            implements PostUpdateEventListener, PostUpsertEventListener, PostDeleteEventListener {
        private final HibernateCanonicalStore store;

        StatelessWrites(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            written(event.getSession(), event.getPersister(), () -> store.outcomes().afterCommittedUpdate(
                    event.getPersister(), event.getEntity(), event.getId(), event.getState(), event.getSession()));
        }

        @Override
        public void onPostUpsert(PostUpsertEvent event) {
            written(event.getSession(), event.getPersister(), () -> store.outcomes().afterCommittedUpdate(
                    event.getPersister(), event.getEntity(), event.getId(), event.getState(), event.getSession()));
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            written(event.getSession(), event.getPersister(), () -> store.outcomes().afterCommittedDelete(
                    event.getPersister(), event.getId(), event.getSession()));
        }

        private void written(SharedSessionContractImplementor session, EntityPersister persister, Runnable work) {
            if (session instanceof StatelessSession && persister instanceof CanonicalPersister canonical
                    && canonical.binding().isCanonical()) {
                SessionOwner owner = store.owners().of(session);
                if (owner != null) {
                    owner.transaction().afterCommit(work);
                }
            }
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }

    /** A row deleted by a committed transaction leaves the store (SEMANTICS rule 6). */
    static final class DeleteCommitted implements PostCommitDeleteEventListener {
        private static final long serialVersionUID = 1L;

        private final transient HibernateCanonicalStore store;

        DeleteCommitted(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            store.outcomes().afterCommittedDelete(event.getPersister(), event.getId(), event.getSession());
        }

        @Override
        public void onPostDeleteCommitFailed(PostDeleteEvent event) {
            // the row still exists: its canonical instance stays
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return persister instanceof CanonicalPersister canonical && canonical.binding().isCanonical();
        }
    }

    /**
     * Runs the application's merge listeners (Hibernate's {@code DefaultMergeEventListener} among them) while
     * marking the merged entity: Hibernate's merge of a detached entity loads the row and copies the entity onto
     * the loaded instance, which must therefore not be the merged canonical instance itself (hibernate-internals
     * notes, section 1.2, "merge(detached X)").
     */
    static final class MergeGuard implements MergeEventListener {
        private final HibernateCanonicalStore store;
        private final List<MergeEventListener> delegates;

        MergeGuard(HibernateCanonicalStore store, List<MergeEventListener> delegates) {
            this.store = store;
            this.delegates = List.copyOf(delegates);
        }

        @Override
        public void onMerge(MergeEvent event) throws HibernateException {
            guarded(event, () -> delegates.forEach(listener -> listener.onMerge(event)));
        }

        @Override
        public void onMerge(MergeEvent event, MergeContext copiedAlready) throws HibernateException {
            guarded(event, () -> delegates.forEach(listener -> listener.onMerge(event, copiedAlready)));
        }

        private void guarded(MergeEvent event, Runnable merge) {
            Object original = initialisedTarget(event.getOriginal());
            SessionOwner owner = store.owners().of(event.getSession());
            if (owner == null || original == null) {
                merge.run();
                return;
            }
            EntityRef key = store.canonicalKey(original, owner, event.getSession());
            RowState atMerge = key != null ? store.stateOf(original) : null;
            owner.beginMerge(original);
            try {
                merge.run();
            } finally {
                owner.endMerge(original);
            }
            Object copy = event.getResult();
            if (copy != null && copy != original && atMerge != null) {
                owner.merged(original, atMerge, copy);
                EntityBinding binding = store.bindingOf(event.getSession().getEntityPersister(null, original));
                if (binding != null && binding.hasChangedCollection(original)) {
                    owner.transaction().afterCommit(() -> store.outcomes().mergedWithChangedCollections(key, original));
                }
            }
        }
    }

    /**
     * A flush cascade (persist on flush) reached a canonical instance that the session did not load: it is held
     * through an initialised association of an instance the session did load (rule 11). Plain Hibernate would have
     * an instance of its own there; the store gives the session this one, as it is, with its committed state as the
     * loaded state, if no other open session holds it ({@link Reattachment#manage}), and then Hibernate's listeners
     * cascade on as they would. If another open session holds it, the cascade stops there: the row exists, and
     * Hibernate, which cannot tell an assigned identifier's row from a new one, would insert it again.
     */
    static final class PersistOnFlushGuard implements PersistEventListener {
        private final HibernateCanonicalStore store;
        private final List<PersistEventListener> delegates;

        PersistOnFlushGuard(HibernateCanonicalStore store, List<PersistEventListener> delegates) {
            this.store = store;
            this.delegates = List.copyOf(delegates);
        }

        @Override
        public void onPersist(PersistEvent event) throws HibernateException {
            if (store.loads().reachedByCascade(event.getObject(), event.getSession())) {
                delegates.forEach(listener -> listener.onPersist(event));
            }
        }

        @Override
        public void onPersist(PersistEvent event, PersistContext createdAlready) throws HibernateException {
            if (store.loads().reachedByCascade(event.getObject(), event.getSession())) {
                delegates.forEach(listener -> listener.onPersist(event, createdAlready));
            }
        }
    }

    /**
     * A cascaded delete, or an orphan's, reached a canonical instance that the session did not load: the session
     * takes it over as {@link PersistOnFlushGuard} does, so that Hibernate deletes it as its own. The application's
     * own {@code remove} of a detached instance is refused as in plain Hibernate.
     */
    static final class CascadedDelete implements DeleteEventListener {
        private final HibernateCanonicalStore store;

        CascadedDelete(HibernateCanonicalStore store) {
            this.store = store;
        }

        @Override
        public void onDelete(DeleteEvent event) throws HibernateException {
        }

        @Override
        public void onDelete(DeleteEvent event, DeleteContext transientEntities) throws HibernateException {
            store.loads().reachedByCascade(event.getObject(), event.getSession());
        }
    }

    /**
     * The entity behind a possibly proxied reference, or {@code null} for an uninitialised proxy or one initialised
     * to a row that does not exist.
     */
    static @Nullable Object initialisedTarget(@Nullable Object object) {
        if (object == null) {
            return null;
        }
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(object);
        if (lazy == null) {
            return object;
        }
        if (lazy.isUninitialized()) {
            return null;
        }
        try {
            return lazy.getImplementation();
        } catch (RuntimeException missingRow) {
            // initialised without a target (the row was missing, or a filter hid it): Hibernate reports that through
            // the proxy's session, which is gone (NullPointerException) or throws ObjectNotFoundException; either
            // way the proxy refers to no instance
            return null;
        }
    }
}
