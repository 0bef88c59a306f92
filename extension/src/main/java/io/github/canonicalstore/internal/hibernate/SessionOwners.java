package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalScopeResolver;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SessionOwner} of every open session of one factory.
 *
 * <p>A session gets its owner when it is opened ({@link SessionOpeningBuilder}), on the opening thread, which is
 * where the scope resolver is asked for the session's client (rule 12). A session that opened without building a
 * transaction coordinator of its own (a child session that shares its parent's) gets one when the store first
 * sees it.
 *
 * <p>Lookups are on the loading hot path (once per row), so the last owner found on each thread is remembered,
 * weakly: a thread that loads through one session finds its owner with a thread-local read and two reference
 * comparisons. The map behind it is keyed weakly by session (sessions compare by identity), so a session that the
 * application dropped without closing does not keep its owner, nor its owner the session.
 *
 * <p>Thread-safe.
 */
final class SessionOwners {
    private final HibernateCanonicalStore store;
    private final @Nullable CanonicalScopeResolver scopes;
    private final Map<SharedSessionContractImplementor, SessionOwner> owners =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadLocal<WeakReference<SessionOwner>> lastFound = new ThreadLocal<>();

    SessionOwners(HibernateCanonicalStore store, @Nullable CanonicalScopeResolver scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    /** A session of the factory is being opened on the calling thread: it gets its owner. */
    SessionOwner opened(SharedSessionContractImplementor session) {
        Object scope = currentScope();
        store.scopeSeen(scope);
        SessionOwner owner = new SessionOwner(store, session, scope);
        owners.put(session, owner);
        lastFound.set(owner.self);
        return owner;
    }

    /**
     * The owner of {@code session}, created now if the session opened without one.
     *
     * @return the owner, or {@code null} if the session has ended
     */
    @Nullable SessionOwner of(SharedSessionContractImplementor session) {
        WeakReference<SessionOwner> last = lastFound.get();
        SessionOwner owner = last == null ? null : last.get();
        if (owner != null && owner.isFor(session)) {
            return owner;
        }
        owner = owners.get(session);
        if (owner == null) {
            if (session.isClosed()) {
                return null;
            }
            owner = opened(session);
        } else {
            lastFound.set(owner.self);
        }
        return owner;
    }

    /** {@code owner}'s session ended. */
    void ended(SessionOwner owner, SharedSessionContractImplementor session) {
        owners.remove(session);
        WeakReference<SessionOwner> last = lastFound.get();
        if (last != null && last.get() == owner) {
            lastFound.remove();
        }
    }

    /**
     * The client scope of a session opened now on the calling thread (rule 12).
     *
     * @throws IllegalStateException if the resolver throws, naming it
     */
    @Nullable Object currentScope() {
        if (scopes == null) {
            return null;
        }
        try {
            return scopes.currentScope();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the canonical store's scope resolver " + scopes + " failed", e);
        }
    }
}
