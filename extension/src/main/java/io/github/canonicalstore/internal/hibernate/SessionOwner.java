package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.Owner;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionEventListener;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * One session's side of the store: the {@link Owner} of the canonical instances handed to that session.
 *
 * <p>Created when the session opens ({@link SessionOwners}), registered with it as a {@link SessionEventListener}.
 * It lets go of its instances when the session clears, evicts them, or ends ({@link #end()}, which Hibernate calls
 * on close while the persistence context is intact). It holds its session weakly: a session that the application
 * dropped without closing stops owning anything once it is collected.
 *
 * <p>It knows the client scope of its session (rule 12), the thread that last used the session (rule 11: lazy
 * state that the session took over from another is loaded only on that thread, see {@link LazyLoadGuard}), and
 * the store's commit epoch when each statement began, so that a row read by a statement that began before a commit
 * does not overwrite the newer state that commit gave a canonical instance (rule 2). What its transactions do to
 * canonical instances is followed by its {@link TransactionWork}.
 *
 * <p>Thread safety: {@link #isActive()} and {@link #isUsedBy(Thread)} may be called from any thread; every other
 * method is called on the thread using the session, as Hibernate sessions are single-threaded.
 */
final class SessionOwner implements Owner, SessionEventListener {
    private static final long serialVersionUID = 1L;

    final transient HibernateCanonicalStore store;
    /** This owner, weakly, for the lookup cache of {@link SessionOwners}. */
    final transient WeakReference<SessionOwner> self = new WeakReference<>(this);
    private final transient WeakReference<SharedSessionContractImplementor> session;
    /** The client scope of rule 12, {@code null} for the factory scope. */
    final transient @Nullable Object scope;
    private final boolean stateless;
    private volatile boolean ended;
    /** The thread that last used the session: the one that may initialise lazy state the session took over. */
    private volatile Thread thread;
    /** Whether the session took over a canonical instance from another session: then {@link LazyLoadGuard} acts. */
    private volatile boolean tookOver;
    private final transient List<EntityRef> claimed = new ArrayList<>();
    private final transient TransactionWork transaction;
    private transient @Nullable Map<Object, Integer> merging;
    /** Managed copies made by merging a canonical instance in the current transaction, to that merge. */
    private transient @Nullable Map<Object, Merged> mergedCopies;

    /** The store's commit epoch when the session was created: no transaction of it began earlier. */
    private final long createdAt;
    /**
     * The store's commit epoch when the statement whose results this session is reading began: under read committed
     * a statement sees exactly the commits made before it began, so its rows may be older than a canonical
     * instance that a later commit reached. Set at each statement that is not executed while another's results
     * are still being read (a nested select keeps the outer statement's, the older and so the safer).
     */
    private long readEpoch;
    /** Whether the current transaction reads from a snapshot; {@code null} until asked. */
    private @Nullable Boolean snapshotReads;

    SessionOwner(HibernateCanonicalStore store, SharedSessionContractImplementor session, @Nullable Object scope) {
        this.store = store;
        this.session = new WeakReference<>(session);
        this.scope = scope;
        this.stateless = session instanceof StatelessSession;
        this.thread = Thread.currentThread();
        this.createdAt = store.epoch();
        this.readEpoch = createdAt;
        this.transaction = new TransactionWork(this);
        session.getEventListenerManager().addListener(this);
    }

    /** @return whether this owner belongs to {@code candidate} */
    boolean isFor(SharedSessionContractImplementor candidate) {
        return session.get() == candidate && !ended;
    }

    @Nullable SharedSessionContractImplementor session() {
        return session.get();
    }

    boolean isStateless() {
        return stateless;
    }

    TransactionWork transaction() {
        return transaction;
    }

    @Override
    public boolean isActive() {
        return !ended && session.get() != null;
    }

    // ------------------------------------------------------------------------------------------ which thread

    /** The calling thread uses the session now. */
    void used() {
        Thread current = Thread.currentThread();
        if (thread != current) {
            thread = current;
        }
    }

    /** The session took over a canonical instance that another session had (a hit). */
    void tookOver() {
        if (!tookOver) {
            tookOver = true;
        }
    }

    /** @return whether the session took over a canonical instance that another session had */
    boolean hasTakenOver() {
        return tookOver;
    }

    /** @return whether {@code candidate} is the thread that last used the session */
    boolean isUsedBy(Thread candidate) {
        return thread == candidate;
    }

    // ------------------------------------------------------------------------------------------ epochs (rule 2)

    @Override
    public void jdbcExecuteStatementStart() {
        used();
        if (!isReadingResults()) {
            readEpoch = store.epoch();
        }
    }

    @Override
    public void flushStart() {
        used();
    }

    /** @return the commit epoch when the statement whose results this session reads began; see {@link #readEpoch} */
    long readEpoch() {
        return readEpoch;
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
        long start = transaction.startEpoch(createdAt);
        return start >= 0 && committedAt > start && readsFromSnapshot();
    }

    /** The current transaction began: its isolation level is asked again when needed. */
    void transactionBegan() {
        snapshotReads = null;
        used();
    }

    /** Whether the session is reading a JDBC result set (not assembling a second-level-cache entry, say). */
    private boolean isReadingResults() {
        SharedSessionContractImplementor owner = session.get();
        return owner != null && !owner.getPersistenceContextInternal().getLoadContexts().isLoadingFinished();
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

    // ------------------------------------------------------------------------------------------ claims (rule 3)

    /** Records a claim, so that it is let go of when the session clears or ends. */
    void claimed(EntityRef key) {
        transaction.follow();
        claimed.add(key);
    }

    /** Lets go of one row's canonical instance (the session evicted, detached or deleted it). */
    void disown(EntityRef key) {
        if (store.map().disown(key, this)) {
            transaction.disowned(key);
        }
    }

    /** Lets go of every canonical instance this session holds (it cleared, rolled back or ended). */
    void disownAll() {
        for (EntityRef key : claimed) {
            if (store.map().disown(key, this)) {
                transaction.disowned(key);
            }
        }
        claimed.clear();
    }

    /** @return the keys of the canonical instances this session claimed and has not let go of yet */
    List<EntityRef> claims() {
        return claimed;
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
        transaction.ended();
        SharedSessionContractImplementor owner = session.get();
        if (owner != null) {
            store.owners().ended(this, owner);
        }
        LoadPath.forgetPendingHits();
    }

    // ------------------------------------------------------------------------------------------ merges (rule 4)

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
        transaction.follow();
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
                + (ended ? ", ended" : "") + (scope == null ? "" : ", scope " + scope) + ", claims="
                + claimed.size() + "]";
    }
}
