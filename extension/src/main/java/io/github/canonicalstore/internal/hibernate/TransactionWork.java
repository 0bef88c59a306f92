package io.github.canonicalstore.internal.hibernate;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.transaction.spi.TransactionObserver;
import org.jspecify.annotations.Nullable;

/**
 * What one session's current transaction does to canonical instances, and what happens to them when it ends.
 *
 * <p>From the session's first claim on, each of its transactions gets a {@link Synchronization}. On commit it runs
 * the work that waited for the commit (a StatelessSession's writes) and records the versions that a lock
 * incremented (rule 5). On rollback it puts back every canonical instance the transaction may have changed (rule 6):
 * those the session still holds, and those it let go of during the transaction (it cleared, detached or evicted
 * them: batch jobs flush and clear every N rows), whatever the session did with them before the rollback.
 *
 * <p>Called only on the thread using the session. Not thread-safe.
 */
final class TransactionWork {
    private final SessionOwner owner;
    private boolean observing;
    private boolean synchronizationRegistered;
    /** The store's commit epoch when the current transaction began, -1 outside a transaction we follow. */
    private long start = -1;
    /** Keys let go of while the current transaction ran; restored with the held ones on rollback. */
    private @Nullable Set<EntityRef> disowned;
    /** Versions that a lock incremented in the current transaction (OPTIMISTIC/PESSIMISTIC_FORCE_INCREMENT). */
    private @Nullable Map<EntityRef, Object> forcedVersions;
    /** Work that waits for the current transaction to commit (a StatelessSession's writes); dropped on rollback. */
    private @Nullable List<Runnable> afterCommit;

    TransactionWork(SessionOwner owner) {
        this.owner = owner;
    }

    /**
     * The commit epoch when the current transaction began, for rule 2's snapshot check: {@code beforeFollowing}
     * stands in for a transaction that began before this session was followed (earlier, so on the safe side).
     *
     * @return the epoch, or -1 outside a transaction
     */
    long startEpoch(long beforeFollowing) {
        if (observing) {
            return start;
        }
        SharedSessionContractImplementor session = owner.session();
        return session != null && session.isTransactionInProgress() ? beforeFollowing : -1;
    }

    /**
     * From the first claim on, follows the beginning of the session's transactions, each of which gets a
     * {@link Synchronization}; a transaction already running gets one now.
     */
    void follow() {
        if (!observing) {
            SharedSessionContractImplementor session = owner.session();
            if (session == null) {
                return;
            }
            observing = true;
            session.getTransactionCoordinator().addObserver(new TransactionObserver() {
                @Override
                public void afterBegin() {
                    start = owner.store.epoch();
                    owner.transactionBegan();
                    register();
                }

                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(boolean successful, boolean delayed) {
                    start = -1;
                }
            });
            if (session.isTransactionInProgress()) {
                start = owner.store.epoch();
            }
        }
        register();
    }

    /** {@code key} was let go of; if a transaction runs, its rollback restores it too. */
    void disowned(EntityRef key) {
        if (synchronizationRegistered) {
            if (disowned == null) {
                disowned = new LinkedHashSet<>();
            }
            disowned.add(key);
        }
    }

    /** A lock incremented the version of the canonical instance of {@code key} to {@code version}. */
    void versionForced(EntityRef key, Object version) {
        if (forcedVersions == null) {
            forcedVersions = new HashMap<>();
        }
        forcedVersions.put(key, version);
        follow();
    }

    /**
     * Runs {@code work} once the current transaction commits, or now outside a transaction; drops it if the
     * transaction rolls back.
     */
    void afterCommit(Runnable work) {
        SharedSessionContractImplementor session = owner.session();
        if (session == null || !session.isTransactionInProgress()) {
            work.run();
            return;
        }
        if (afterCommit == null) {
            afterCommit = new ArrayList<>();
        }
        afterCommit.add(work);
        follow();
    }

    /** The session ended: nothing it did afterwards is followed. */
    void ended() {
        afterCommit = null;
    }

    /** Follows the session's current transaction, if one is active and not followed yet. */
    private void register() {
        SharedSessionContractImplementor session = owner.session();
        if (synchronizationRegistered || session == null || !session.isTransactionInProgress()) {
            return;
        }
        session.accessTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                completed(status == Status.STATUS_COMMITTED);
            }
        });
        synchronizationRegistered = true;
    }

    private void completed(boolean committed) {
        synchronizationRegistered = false;
        List<Runnable> waiting = afterCommit;
        Map<EntityRef, Object> forced = forcedVersions;
        Set<EntityRef> letGo = disowned;
        afterCommit = null;
        forcedVersions = null;
        disowned = null;
        SharedSessionContractImplementor session = owner.session();
        if (committed) {
            if (forced != null) {
                forced.forEach(owner.store.outcomes()::versionForced);
            }
            if (waiting != null) {
                waiting.forEach(Runnable::run);
            }
        } else if (session != null) {
            Set<EntityRef> changed = new LinkedHashSet<>(owner.claims());
            if (letGo != null) {
                changed.addAll(letGo);
            }
            owner.store.outcomes().restoreAfterRollback(owner, changed, session);
        }
    }
}
