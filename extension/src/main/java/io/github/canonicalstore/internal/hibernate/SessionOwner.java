package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.Owner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.extension.spi.Extension;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * One session's side of the store: the {@link Owner} of the canonical instances handed to that session.
 *
 * <p>Created with every session (stateful or stateless) of a factory that has a store, as a Hibernate session
 * {@link Extension}. It lets go of its instances when the session clears, evicts them, or ends
 * ({@link SessionEventListener#end()}, which Hibernate calls on close while the persistence context is intact). It
 * holds its session weakly: a session that the application dropped without closing stops owning anything once it
 * is collected.
 *
 * <p>Thread safety: {@link #isActive()} may be called from any thread; every other method is called on the
 * session's thread, as Hibernate sessions are single-threaded.
 */
final class SessionOwner implements Owner, Extension, SessionEventListener {
    private static final long serialVersionUID = 1L;

    private final transient HibernateCanonicalStore store;
    private final transient WeakReference<SharedSessionContractImplementor> session;
    private volatile boolean ended;
    private final transient List<EntityRef> claimed = new ArrayList<>();
    private transient @Nullable Map<Object, Integer> merging;
    private boolean listening;

    SessionOwner(HibernateCanonicalStore store, SharedSessionContractImplementor session) {
        this.store = store;
        this.session = new WeakReference<>(session);
    }

    @Override
    public boolean isActive() {
        return !ended && session.get() != null;
    }

    /** Records a claim, so that it is let go of when the session clears or ends. */
    void claimed(EntityRef key) {
        if (!listening) {
            SharedSessionContractImplementor owner = session.get();
            if (owner != null) {
                owner.getEventListenerManager().addListener(this);
            }
            listening = true;
        }
        claimed.add(key);
    }

    /** Lets go of one row's canonical instance (the session evicted or deleted it). */
    void disown(EntityRef key) {
        store.map().disown(key, this);
    }

    /** Lets go of every canonical instance this session holds (it cleared, rolled back or ended). */
    void disownAll() {
        for (EntityRef key : claimed) {
            store.map().disown(key, this);
        }
        claimed.clear();
    }

    @Override
    public void end() {
        ended = true;
        disownAll();
    }

    boolean isMerging() {
        return merging != null && !merging.isEmpty();
    }

    boolean isMerging(@Nullable Object entity) {
        return entity != null && merging != null && merging.containsKey(entity);
    }

    void beginMerge(Object entity) {
        if (merging == null) {
            merging = new IdentityHashMap<>();
        }
        merging.merge(entity, 1, Integer::sum);
    }

    void endMerge(Object entity) {
        if (merging != null) {
            merging.computeIfPresent(entity, (e, depth) -> depth == 1 ? null : depth - 1);
        }
    }

    @Override
    public String toString() {
        SharedSessionContractImplementor owner = session.get();
        return "SessionOwner[" + (owner == null ? "collected" : owner.getSessionIdentifier())
                + (ended ? ", ended" : "") + ", claims=" + claimed.size() + "]";
    }
}
