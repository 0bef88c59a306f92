package io.github.canonicalstore.internal.hibernate;

import org.hibernate.HibernateException;
import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Keeps threads out of sessions they do not use (SEMANTICS rule 11).
 *
 * <p>A session that takes over a canonical instance from another session binds the instance's uninitialised lazy
 * state (collections, proxies, lazy attributes) to itself ({@link Reattachment}), so that it can initialise it as
 * it would its own. Other threads may hold the same instance: one that renders a page from it after its own session
 * closed, say. In plain Hibernate that thread's instance would be detached and its lazy state would throw
 * {@link LazyInitializationException}; here it would run SQL through, and change the internals of, a session that
 * another thread is using. So lazy loading through a session that has taken over an instance runs only on the
 * thread that last used that session (for a load, a statement, a flush or the start of a transaction); on any
 * other thread it throws {@link LazyInitializationException}, before it touches the session.
 *
 * <p>The checks sit where Hibernate initialises lazy state: the collection-initialisation and immediate-load
 * events (prepended to Hibernate's own listeners) and the persister's lazy-attribute and enhanced-proxy methods.
 * Stateless and thread-safe.
 */
final class LazyLoadGuard implements InitializeCollectionEventListener, LoadEventListener {
    private final HibernateCanonicalStore store;

    LazyLoadGuard(HibernateCanonicalStore store) {
        this.store = store;
    }

    @Override
    public void onInitializeCollection(InitializeCollectionEvent event) throws HibernateException {
        check(store, event.getSession(), "collection " + event.getCollection().getRole());
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) throws HibernateException {
        if (loadType == IMMEDIATE_LOAD) {
            check(store, event.getSession(), "proxy " + event.getEntityClassName() + "#" + event.getEntityId());
        } else {
            SessionOwner owner = store.owners().of(event.getSession());
            if (owner != null) {
                owner.used();
            }
        }
    }

    /**
     * Throws if the calling thread may not initialise lazy state through {@code session}.
     *
     * @param what names the lazy state, for the message
     * @throws LazyInitializationException if {@code session} took over canonical instances and another thread
     *     last used it
     */
    static void check(HibernateCanonicalStore store, SharedSessionContractImplementor session, String what) {
        SessionOwner owner = store.owners().of(session);
        Thread current = Thread.currentThread();
        if (owner != null && owner.hasTakenOver() && !owner.isUsedBy(current)) {
            throw new LazyInitializationException("could not initialize " + what + " on thread " + current.getName()
                    + ": it is bound to a session that another thread is using (the canonical store shares this "
                    + "instance between sessions); initialise it in the session that loaded it, on that thread");
        }
    }
}
