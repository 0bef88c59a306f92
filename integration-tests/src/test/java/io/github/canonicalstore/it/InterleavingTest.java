package io.github.canonicalstore.it;

import static io.github.canonicalstore.CanonicalStoreEvent.Kind.CONFLICT;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Book;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rules 3 to 6 when sessions on different threads interleave: latches force each order, every wait has a
 * deadline, and assertions made on a worker thread fail the test through its {@link Future}. Plain reads never
 * block on another transaction's row lock on H2, PostgreSQL or MariaDB (MVCC), so these orders cannot deadlock.
 */
class InterleavingTest extends StoreTestSupport {
    private ExecutorService pool;

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    // rules 3 and 5: a load while another thread's session has flushed (not committed) an edit of C(k)
    @Test
    void aLoadWhileAnotherSessionHasFlushedAnEditGetsAPrivateCommittedStateAndTheCommitReachesTheHolders()
            throws Exception {
        Book held = find(Book.class, 100L);
        Book read = loadWhileAnotherThreadHasFlushed(100L, em -> {
            Book owned = em.find(Book.class, 100L);
            assertThat(owned).isSameAs(held);
            owned.setTitle("Written");
        }, true);

        assertThat(read).isNotSameAs(held);
        assertThat(read.getTitle()).as("the committed state, not the other session's flush")
                .isEqualTo("The Dispossessed");
        assertThat(read.getVersion()).isZero();
        assertThat(held.getTitle()).isEqualTo("Written");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rules 3 and 5: a load on another thread during the commit (paused in its UPDATED event, after the database
    // commit) sees the committed row; holders see it too once the commit returns. Relies on listeners not being
    // called under a lock that loads need.
    @Test
    void aLoadDuringAnotherThreadsCommitSeesTheCommittedRow() throws Exception {
        Book held = find(Book.class, 100L);
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        subscribe(Book.class, e -> {
            if (e.kind() == UPDATED && Thread.currentThread() == writerThread.get()) {
                inCommit.countDown();
                try {
                    resume.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        Future<?> writer = pool.submit(() -> {
            writerThread.set(Thread.currentThread());
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                em.find(Book.class, 100L).setTitle("Committed");
                em.getTransaction().commit();
            }
            return null;
        });
        Book read;
        try {
            awaitLatch(inCommit);
            read = find(Book.class, 100L);
        } finally {
            resume.countDown();
        }
        within(writer);

        assertThat(read.getTitle()).isEqualTo("Committed");
        assertThat(read.getVersion()).isEqualTo(1);
        assertThat(held.getTitle()).isEqualTo("Committed");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rules 5 and 6: a commit through a private instance while another thread's session owns C(k) is a conflict;
    // that session's stale edit then fails optimistically, and its rollback leaves no trace in C(k)
    @Test
    void aConflictingCommitThenTheOwnersStaleCommitFailsAndTheInstanceCatchesUpOnTheNextLoad() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        long conflicts = store().statistics().conflicts();
        long restores = store().statistics().restores();
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);

        Future<Throwable> owner = pool.submit(() -> {
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                Book mine = em.find(Book.class, 100L);
                assertThat(mine).isSameAs(held);
                owned.countDown();
                awaitLatch(committed);
                mine.setTitle("Stale edit");
                try {
                    em.getTransaction().commit();
                    return null;
                } catch (RuntimeException expected) {
                    return expected;
                }
            } finally {
                owned.countDown();
            }
        });
        Future<?> writer = pool.submit(() -> {
            try {
                awaitLatch(owned);
                try (EntityManager em = emf.createEntityManager()) {
                    em.getTransaction().begin();
                    Book isolated = em.find(Book.class, 100L);
                    assertThat(isolated).isNotSameAs(held);
                    isolated.setTitle("Fresh edit");
                    em.getTransaction().commit();
                }
                // C(k) is owned by the other thread's open session: left as it was
                assertThat(held.getTitle()).isEqualTo("The Dispossessed");
                assertThat(held.getVersion()).isZero();
                assertThat(store().statistics().conflicts()).isGreaterThan(conflicts);
            } finally {
                committed.countDown();
            }
            return null;
        });

        within(writer);
        Throwable failure = within(owner);
        assertThat(failure).as("the owner's commit of a stale version").isNotNull();
        assertThat(causedBy(failure, OptimisticLockException.class)).as("%s", failure).isTrue();
        assertThat(events.of(CONFLICT, 100L)).isNotEmpty();
        assertThat(held.getTitle()).isNotEqualTo("Stale edit");
        assertThat(held.getVersion()).isLessThanOrEqualTo(1);
        assertThat(store().statistics().restores()).isGreaterThan(restores);
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Fresh edit", 1));
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(held.getTitle()).isEqualTo("Fresh edit");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rules 3 and 6: rollback after flush on one thread while another thread loads the row
    @Test
    void rollbackAfterFlushWhileAnotherThreadLoadsLeavesNoTrace() throws Exception {
        Book held = find(Book.class, 101L);
        Book read = loadWhileAnotherThreadHasFlushed(101L,
                em -> em.find(Book.class, 101L).setTitle("Rolled back"), false);
        assertThat(read).isNotSameAs(held);
        assertThat(read.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(held.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(held.getVersion()).isZero();
        assertThat(find(Book.class, 101L)).isSameAs(held);
    }

    // rule 4: merge of the canonical instance on one thread while another thread loads the row
    @Test
    void mergeOfTheCanonicalInstanceWhileAnotherThreadLoads() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Merged");
        Book read = loadWhileAnotherThreadHasFlushed(100L, em -> em.merge(held), true);
        assertThat(read).isNotSameAs(held);
        assertThat(read.getTitle()).isEqualTo("The Dispossessed");
        assertThat(held.getTitle()).isEqualTo("Merged");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Merged", 1));
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 6: a delete on one thread while another thread loads; the entry leaves the store only on commit
    @Test
    void aDeleteWhileAnotherThreadLoadsRemovesTheEntryOnCommit() throws Exception {
        Book held = find(Book.class, 104L);
        Book isolated = deleteWhileAnotherThreadLoads(held, true);
        assertThat(isolated).isNotSameAs(held);
        assertThat(isolated.getTitle()).isEqualTo("View with a Grain of Sand");
        assertThat(store().find(Book.class, 104L)).isEmpty();
        assertThatThrownBy(() -> store().retain(isolated)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bookRowExists(104L)).isFalse();
        assertThat(find(Book.class, 104L)).isNull();
    }

    // rule 6: the same, rolled back: the instance stays canonical
    @Test
    void aRolledBackDeleteWhileAnotherThreadLoadsLeavesTheEntry() throws Exception {
        Book held = find(Book.class, 104L);
        Book read = deleteWhileAnotherThreadLoads(held, false);
        assertThat(read).isNotSameAs(held);
        assertThat(store().find(Book.class, 104L)).containsSame(held);
        assertThat(find(Book.class, 104L)).isSameAs(held);
    }

    private Book deleteWhileAnotherThreadLoads(Book held, boolean commit) throws Exception {
        return loadWhileAnotherThreadHasFlushed(104L, em -> {
            Book owned = em.find(Book.class, 104L);
            assertThat(owned).isSameAs(held);
            em.remove(owned);
        }, () -> assertThat(store().find(Book.class, 104L)).as("until the delete ends").containsSame(held), commit);
    }

    /**
     * The interleaving several tests force: on one thread a transaction runs {@code write} and flushes; while it is
     * still open, a new session on another thread loads Book {@code id}; then {@code whileOpen} runs on the first
     * thread and its transaction commits (or rolls back).
     *
     * @return the instance the other thread's load got
     */
    private Book loadWhileAnotherThreadHasFlushed(long id, Consumer<EntityManager> write, boolean commit)
            throws Exception {
        return loadWhileAnotherThreadHasFlushed(id, write, () -> { }, commit);
    }

    private Book loadWhileAnotherThreadHasFlushed(long id, Consumer<EntityManager> write, Runnable whileOpen,
            boolean commit) throws Exception {
        CountDownLatch flushed = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        Future<?> writer = pool.submit(() -> {
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                write.accept(em);
                em.flush();
                flushed.countDown();
                awaitLatch(loaded);
                whileOpen.run();
                if (commit) {
                    em.getTransaction().commit();
                } else {
                    em.getTransaction().rollback();
                }
            } finally {
                flushed.countDown();
            }
            return null;
        });
        Future<Book> reader = pool.submit(() -> {
            try (EntityManager em = emf.createEntityManager()) {
                awaitLatch(flushed);
                return em.find(Book.class, id);
            } finally {
                loaded.countDown();
            }
        });
        Book read = within(reader);
        within(writer);
        return read;
    }

    // rule 6 with rule 3: a delete committed through a private instance while another session owns C(k)
    @Test
    void aDeleteCommittedThroughAPrivateInstanceRemovesTheRowFromTheStore() throws Exception {
        Book held = find(Book.class, 104L);
        try (EntityManager owner = emf.createEntityManager()) {
            assertThat(owner.find(Book.class, 104L)).isSameAs(held);
            run(em -> {
                Book isolated = em.find(Book.class, 104L);
                assertThat(isolated).isNotSameAs(held);
                em.remove(isolated);
            });
            assertThat(store().find(Book.class, 104L)).isEmpty();
        }
        assertThat(bookRowExists(104L)).isFalse();
        assertThat(store().find(Book.class, 104L)).isEmpty();
        assertThat(find(Book.class, 104L)).isNull();
    }
}
