package io.github.canonicalstore.internal.hibernate;

import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.event.spi.ClearEvent;
import org.hibernate.event.spi.ClearEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EvictEvent;
import org.hibernate.event.spi.EvictEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
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
        @Override
        public void onClear(ClearEvent event) {
            SessionOwner owner = event.getSession().getExtension(SessionOwner.class);
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
            SessionOwner owner = session.getExtension(SessionOwner.class);
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
            EntityRef key = id == null ? null : store.keyOf(persister, session.getTenantIdentifierValue(), id);
            if (key != null) {
                owner.disown(key);
            }
        }
    }

    /**
     * An enhanced entity that served as its own lazy proxy did not pass through the persister's
     * {@code instantiate} when it was loaded: it becomes canonical now if no canonical instance is alive
     * (see {@link EnhancedProxyGuard}). Costs one flag test for every other entity.
     */
    static final class AdoptEnhancedProxies implements PostLoadEventListener {
        @Override
        public void onPostLoad(PostLoadEvent event) {
            if (event.getPersister() instanceof CanonicalPersister canonical) {
                EntityBinding binding = canonical.binding();
                if (binding.enhancedForLazyLoading && binding.isCanonical()) {
                    binding.store.adopt(binding, event.getEntity(), event.getId(), event.getSession());
                }
            }
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
            EntityRef key = store.keyOf(event.getPersister(), event.getSession().getTenantIdentifierValue(),
                    event.getId());
            if (key != null) {
                store.map().remove(key);
            }
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
        private final List<MergeEventListener> delegates;

        MergeGuard(List<MergeEventListener> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        @Override
        public void onMerge(MergeEvent event) throws HibernateException {
            Object original = initialisedTarget(event.getOriginal());
            SessionOwner owner = event.getSession().getExtension(SessionOwner.class);
            if (owner == null || original == null) {
                delegates.forEach(listener -> listener.onMerge(event));
                return;
            }
            owner.beginMerge(original);
            try {
                delegates.forEach(listener -> listener.onMerge(event));
            } finally {
                owner.endMerge(original);
            }
        }

        @Override
        public void onMerge(MergeEvent event, MergeContext copiedAlready) throws HibernateException {
            Object original = initialisedTarget(event.getOriginal());
            SessionOwner owner = event.getSession().getExtension(SessionOwner.class);
            if (owner == null || original == null) {
                delegates.forEach(listener -> listener.onMerge(event, copiedAlready));
                return;
            }
            owner.beginMerge(original);
            try {
                delegates.forEach(listener -> listener.onMerge(event, copiedAlready));
            } finally {
                owner.endMerge(original);
            }
        }
    }

    /** The entity behind a possibly proxied reference, or {@code null} for an uninitialised proxy. */
    static @Nullable Object initialisedTarget(@Nullable Object object) {
        if (object == null) {
            return null;
        }
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(object);
        if (lazy == null) {
            return object;
        }
        return lazy.isUninitialized() ? null : lazy.getImplementation();
    }
}
