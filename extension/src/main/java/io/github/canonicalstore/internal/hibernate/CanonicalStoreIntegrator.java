package io.github.canonicalstore.internal.hibernate;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.integrator.spi.Integrator;

/**
 * Connects the store to a SessionFactory that has one: validates the settings against the domain model and
 * registers the store's event listeners, composing with the listeners already there (the application's own merge
 * listeners keep running, inside {@link StoreListeners.MergeGuard}). Discovered through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}, as Envers' {@code EnversIntegrator} is.
 * Stateless and thread-safe.
 */
public final class CanonicalStoreIntegrator implements Integrator {

    /** Called by {@link java.util.ServiceLoader}. */
    public CanonicalStoreIntegrator() {
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        HibernateCanonicalStore store = sessionFactory.getServiceRegistry().getService(HibernateCanonicalStore.class);
        if (store == null) {
            return;
        }
        store.validate(metadata);
        EventListenerRegistry registry =
                sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.CLEAR, new StoreListeners.Clear(store));
        LazyLoadGuard guard = new LazyLoadGuard(store);
        registry.prependListeners(EventType.INIT_COLLECTION, guard);
        registry.prependListeners(EventType.LOAD, guard);
        registry.prependListeners(EventType.DELETE, new StoreListeners.CascadedDelete(store));
        EventListenerGroup<PersistEventListener> persistOnFlush =
                registry.getEventListenerGroup(EventType.PERSIST_ONFLUSH);
        List<PersistEventListener> persisting = new ArrayList<>();
        persistOnFlush.fireEventOnEachListener(persisting, (listener, list) -> list.add(listener));
        persistOnFlush.clearListeners();
        persistOnFlush.appendListener(new StoreListeners.PersistOnFlushGuard(store, persisting));
        registry.appendListeners(EventType.EVICT, new StoreListeners.Evict(store));
        registry.appendListeners(EventType.POST_LOAD, new StoreListeners.AfterLoad());
        registry.appendListeners(EventType.POST_COMMIT_UPDATE, new StoreListeners.UpdateCommitted(store));
        StoreListeners.StatelessWrites statelessWrites = new StoreListeners.StatelessWrites(store);
        registry.appendListeners(EventType.POST_UPDATE, statelessWrites);
        registry.appendListeners(EventType.POST_UPSERT, statelessWrites);
        registry.appendListeners(EventType.POST_DELETE, statelessWrites);
        registry.appendListeners(EventType.POST_COMMIT_DELETE, new StoreListeners.DeleteCommitted(store));

        EventListenerGroup<MergeEventListener> merge = registry.getEventListenerGroup(EventType.MERGE);
        List<MergeEventListener> existing = new ArrayList<>();
        merge.fireEventOnEachListener(existing, (listener, list) -> list.add(listener));
        merge.clearListeners();
        merge.appendListener(new StoreListeners.MergeGuard(store, existing));
    }
}
