package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.Owner;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.SessionEventListener;
import org.hibernate.StatelessSession;
import org.hibernate.engine.extension.spi.Extension;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.JdbcSessionOwner;
import org.hibernate.resource.transaction.spi.TransactionObserver;
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
 * <p>It notes the store's commit epoch when each statement begins, so that a row read by a statement that began
 * before a commit does not overwrite the newer state that commit gave a canonical instance (rule 2).
 *
 * <p>Once it owns something it also follows the session's transactions: a {@link Synchronization} registered with
 * each transaction restores, on rollback, the canonical instances the transaction changed (rule 6); Hibernate calls
 * it before it clears the persistence context, while this owner still holds them.
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
    /** Managed copies made by merging a canonical instance in the current transaction, to that merge. */
    private transient @Nullable Map<Object, Merged> mergedCopies;
    /** Work that waits for the current transaction to commit (a StatelessSession's writes); dropped on rollback. */
    private transient @Nullable List<Runnable> afterCommit;
    private boolean listening;
    private boolean synchronizationRegistered;
    private final boolean stateless;
    /** The store's commit epoch when the session was created: no transaction of it began earlier. */
    private final long createdAt;
    /**
     * The store's commit epoch when the current transaction began, -1 outside a transaction; followed from the
     * first claim on (before it, {@link #createdAt} stands in for it, which is earlier and so errs on the safe side).
     */
    private long transactionStart = -1;
    /** Whether the current transaction reads from a snapshot; {@code null} until asked. */
    private @Nullable Boolean snapshotReads;

    /**
     * The store's commit epoch when the statement whose results this session is reading began: under read committed
     * a statement sees exactly the commits made before it began, so its rows may be older than a canonical
     * instance that a later commit reached. Set at each statement that is not executed while another's results
     * are still being read (a nested select keeps the outer statement's, the older and so the safer).
     */
    private long readEpoch;

    SessionOwner(HibernateCanonicalStore store, SharedSessionContractImplementor session) {
        this.store = store;
        this.session = new WeakReference<>(session);
        this.stateless = session instanceof StatelessSession;
        this.createdAt = store.epoch();
        this.readEpoch = createdAt;
        // from the start: the statement that reads a session's first rows begins before its first claim
        session.getEventListenerManager().addListener(this);
    }

    @Override
    public void jdbcExecuteStatementStart() {
        if (!isReadingResults()) {
            readEpoch = store.epoch();
        }
    }

    /** @return the commit epoch when the statement whose results this session reads began; see {@link #readEpoch} */
    long readEpoch() {
        return readEpoch;
    }

    boolean isStateless() {
        return stateless;
    }

    /**
     * Whether the rows this session is reading may be older than a commit the store saw at epoch
     * {@code committedAt}: the statement being read began before that commit, or the current transaction reads
     * from a snapshot (repeatable read or stricter) that it may have taken before it.
     */
    boolean mayReadOlderThan(long committedAt) {
        if (committedAt <= createdAt) {
            return false; // committed before this session existed: every transaction of it can see it
        }
        if (committedAt > readEpoch && isReadingResults()) {
            return true; // the statement being read began before that commit (the row may predate it)
        }
        long start = listening ? transactionStart : inTransaction() ? createdAt : -1;
        return start >= 0 && committedAt > start && readsFromSnapshot();
    }

    /** Whether the session is reading a JDBC result set (not assembling a second-level-cache entry, say). */
    private boolean isReadingResults() {
        SharedSessionContractImplementor owner = session.get();
        return owner != null && !owner.getPersistenceContextInternal().getLoadContexts().isLoadingFinished();
    }

    private boolean inTransaction() {
        SharedSessionContractImplementor owner = session.get();
        return owner != null && owner.isTransactionInProgress();
    }

    private boolean readsFromSnapshot() {
        Boolean snapshot = snapshotReads;
        if (snapshot == null) {
            SharedSessionContractImplementor owner = session.get();
            try {
                snapshot = owner == null || owner.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection()
                        .getTransactionIsolation() >= Connection.TRANSACTION_REPEATABLE_READ;
            } catch (SQLException | RuntimeException e) {
                snapshot = true; // cannot tell: assume the stricter
            }
            snapshotReads = snapshot;
        }
        return snapshot;
    }

    @Override
    public boolean isActive() {
        return !ended && session.get() != null;
    }

    /** Records a claim, so that it is let go of when the session clears or ends. */
    void claimed(EntityRef key) {
        if (!listening) {
            startListening();
        }
        claimed.add(key);
    }

    /**
     * From the first claim on, follows the beginning of the session's transactions, each of which gets a
     * {@link Synchronization}; a transaction already running gets one now. (Its statements, transaction
     * completions and end it follows from the start, as a {@link SessionEventListener}.)
     */
    private void startListening() {
        listening = true;
        SharedSessionContractImplementor owner = session.get();
        if (owner == null) {
            return;
        }
        JdbcSessionOwner jdbc = owner;
        jdbc.getTransactionCoordinator().addObserver(new TransactionObserver() {
            @Override
            public void afterBegin() {
                transactionStart = store.epoch();
                snapshotReads = null;
                registerSynchronization();
            }

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(boolean successful, boolean delayed) {
                transactionStart = -1;
            }
        });
        if (owner.isTransactionInProgress()) {
            transactionStart = createdAt;
            registerSynchronization();
        }
    }

    /**
     * Runs {@code work} once the current transaction commits, or now outside a transaction; drops it if the
     * transaction rolls back.
     */
    void afterCommit(Runnable work) {
        SharedSessionContractImplementor owner = session.get();
        if (owner == null || !owner.isTransactionInProgress()) {
            work.run();
            return;
        }
        if (afterCommit == null) {
            afterCommit = new ArrayList<>();
        }
        afterCommit.add(work);
        if (!listening) {
            startListening();
        }
        registerSynchronization();
    }

    /** Follows the session's current transaction, if one is active and not followed yet. */
    private void registerSynchronization() {
        SharedSessionContractImplementor owner = session.get();
        if (synchronizationRegistered || owner == null || !owner.isTransactionInProgress()) {
            return;
        }
        owner.accessTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                synchronizationRegistered = false;
                List<Runnable> committed = afterCommit;
                afterCommit = null;
                SharedSessionContractImplementor owner = session.get();
                if (status == Status.STATUS_COMMITTED) {
                    if (committed != null) {
                        committed.forEach(Runnable::run);
                    }
                } else if (owner != null) {
                    store.restoreAfterRollback(SessionOwner.this, claimed, owner);
                }
            }
        });
        synchronizationRegistered = true;
    }

    /**
     * A merge of canonical instance {@code canonical}, whose state was {@code atMerge} when it was merged: the
     * edits it held then went into the managed copy, and are resolved by what the copy commits.
     */
    record Merged(Object canonical, RowState atMerge) {
    }

    /** Records that merging canonical instance {@code canonical} made or updated the managed copy {@code copy}. */
    void merged(Object canonical, RowState atMerge, Object copy) {
        if (mergedCopies == null) {
            mergedCopies = new IdentityHashMap<>();
        }
        mergedCopies.put(copy, new Merged(canonical, atMerge));
        if (!listening) {
            startListening();
        }
        registerSynchronization();
    }

    /** @return the merge of a canonical instance that made {@code copy}, or {@code null} */
    @Nullable Merged mergedInto(Object copy) {
        return mergedCopies == null ? null : mergedCopies.get(copy);
    }

    @Override
    public void transactionCompletion(boolean successful) {
        if (mergedCopies != null) {
            mergedCopies.clear();
        }
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

    /**
     * The session closed. Its entries are not visited: an ended owner is inactive, so the next session that loads
     * one of its rows takes the entry over (which keeps closing a session that loaded many rows cheap).
     */
    @Override
    public void end() {
        ended = true;
        claimed.clear();
        mergedCopies = null;
        afterCommit = null;
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
