package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.CanonicalStoreEvent;
import io.github.canonicalstore.Subscription;
import io.github.canonicalstore.it.model.Book;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak of SEMANTICS rules 2 to 7 and 10: {@value #THREADS} threads open session after session until a
 * deadline, each loading a few rows, editing its own, and committing or rolling back at random (seeded), while
 * reading other threads' rows so that owners and private instances interleave. Each thread counts in the titles of
 * its own rows (the title is the number of committed increments), so the final database state is known exactly.
 *
 * <p>Each thread has {@value #SHARED_ROWS} rows that other threads also read, and one row that only it loads,
 * which it edits while detached and then merges (rule 4); nobody edits a canonical instance that another session
 * may own, which no store can make safe.
 *
 * <p>At the end: no committed increment was lost (titles and versions in the database), no canonical instance
 * holds a state that was never committed, the store never held more instances than there are rows, no pin is left,
 * and once the test lets go of everything every canonical instance is collected and the heap is back near where
 * it started.
 */
class SoakTest extends StoreTestSupport {
    /** How long the threads run, in each of the six database runs; {@code -Dit.soakSeconds} overrides it. */
    static final Duration SOAK_DURATION = Duration.ofSeconds(Long.getLong("it.soakSeconds", 10));
    static final int THREADS = 6;
    static final int SHARED_ROWS = 3;
    static final int ROWS_PER_THREAD = SHARED_ROWS + 1;
    static final long FIRST_ID = 10_000L;
    static final long SEED = 0x5EED_CAFEL;
    /** Heap growth tolerated between start and end, after garbage collection; generous, it only catches leaks. */
    static final long HEAP_SLACK_BYTES = 64L * 1024 * 1024;

    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicInteger maxStoreSize = new AtomicInteger();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder canonicalRollbacks = new LongAdder();
    private final LongAdder merges = new LongAdder();
    /** Per row, the last {@value #HISTORY} store events and test steps, for the message of a failed assertion. */
    private final Map<Object, Deque<String>> history = new ConcurrentHashMap<>();
    static final int HISTORY = 24;

    static long id(int thread, int row) {
        return FIRST_ID + thread * 100L + row;
    }

    @Test
    void concurrentSessionsCommittingOrRollingBackAtRandomLoseNothingAndLeakNothing() throws Exception {
        run(em -> {
            for (int t = 0; t < THREADS; t++) {
                for (int r = 0; r < ROWS_PER_THREAD; r++) {
                    em.persist(new Book(id(t, r), "0", 1, null, null));
                }
            }
        });
        store().evictAll();
        long heapBefore = usedHeapAfterGc();
        long pinsBefore = store().statistics().pins();
        long restoresBefore = store().statistics().restores();

        long deadline = System.nanoTime() + SOAK_DURATION.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<Long, Integer> expected = new HashMap<>();
        Subscription subscription = store().subscribe(Book.class, this::record);
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<int[]> worker = () -> work(thread, deadline);
                futures.add(pool.submit(worker));
            }
            // sample the store while the threads run, until all are done (their own deadline ends them)
            await().atMost(SOAK_DURATION.plus(DEADLINE.multipliedBy(4))).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        maxStoreSize.accumulateAndGet(store().size(), Math::max);
                        return futures.stream().allMatch(Future::isDone);
                    });
            for (int t = 0; t < THREADS; t++) {
                int[] counts = within(futures.get(t));
                for (int r = 0; r < ROWS_PER_THREAD; r++) {
                    expected.put(id(t, r), counts[r]);
                }
            }
        } finally {
            failed.set(true);
            pool.shutdownNow();
            subscription.close();
        }

        String summary = "commits " + commits + ", rollbacks " + rollbacks + ", merges " + merges + ", "
                + store().statistics();
        assertThat(commits.sum()).as(summary).isPositive();
        assertThat(rollbacks.sum()).as(summary).isPositive();
        assertThat(merges.sum()).as(summary).isPositive();

        checkNothingLost(expected);
        checkAliveInstancesHoldCommittedStates(expected);
        checkALoadHandsOutCommittedStates(expected);

        assertThat(maxStoreSize.get()).as("store size while running").isLessThanOrEqualTo(THREADS * ROWS_PER_THREAD);
        assertThat(store().size()).isLessThanOrEqualTo(THREADS * ROWS_PER_THREAD);
        assertThat(store().statistics().pins()).isEqualTo(pinsBefore);
        assertThat(store().statistics().restores() - restoresBefore).as("restores")
                .isGreaterThanOrEqualTo(canonicalRollbacks.sum());

        // nothing references the instances any more: every one is collected, and the heap is flat
        await().atMost(DEADLINE).until(() -> {
            System.gc();
            store().cleanUp();
            return store().size() == 0;
        });
        assertThat(usedHeapAfterGc()).as("used heap after the soak, started at %d", heapBefore)
                .isLessThanOrEqualTo(heapBefore + HEAP_SLACK_BYTES);
    }

    /** One thread's loop; returns the committed increments of each of its rows. */
    private int[] work(int thread, long deadline) {
        Random random = new Random(SEED + thread);
        int[] committed = new int[ROWS_PER_THREAD];
        try {
            while (System.nanoTime() < deadline && !failed.get()) {
                int op = random.nextInt(10);
                if (op < 7) {
                    editInASession(thread, random, committed);
                } else if (op < 9) {
                    editDetachedAndMerge(thread, committed);
                } else {
                    readStatelessly(thread, random);
                }
            }
            return committed;
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }

    /** Loads one or two of its shared rows and a row of another thread, increments its own, commits or rolls back. */
    private void editInASession(int thread, Random random, int[] committed) {
        int first = random.nextInt(SHARED_ROWS);
        int second = (first + 1) % SHARED_ROWS;
        // ascending, the order of the query's results
        int[] rows = random.nextBoolean() ? new int[] {first}
                : new int[] {Math.min(first, second), Math.max(first, second)};
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            List<Book> own = new ArrayList<>();
            if (random.nextBoolean()) {
                for (int row : rows) {
                    own.add(em.find(Book.class, id(thread, row)));
                }
            } else {
                List<Long> ids = new ArrayList<>();
                for (int row : rows) {
                    ids.add(id(thread, row));
                }
                own.addAll(em.createQuery("from Book b where b.id in :ids order by b.id", Book.class)
                        .setParameter("ids", ids).getResultList());
            }
            // other threads' rows: sometimes this session owns their canonical instances, sometimes it gets
            // private ones
            int other = (thread + 1 + random.nextInt(THREADS - 1)) % THREADS;
            Book foreign = em.find(Book.class, id(other, random.nextInt(SHARED_ROWS)));
            assertThat(foreign).isNotNull();

            List<Book> canonical = new ArrayList<>();
            List<Book> pinned = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                Book book = own.get(i);
                assertThat(book.getId()).isEqualTo(id(thread, rows[i]));
                // only this thread writes its rows: every load sees its last commit
                assertThat(count(book)).as("row %d as loaded", book.getId()).isEqualTo(committed[rows[i]]);
                assertThat(book.getVersion()).isEqualTo(committed[rows[i]]);
                if (store().find(Book.class, book.getId()).orElse(null) == book) {
                    note(book.getId(), "loaded canonical v" + book.getVersion());
                    canonical.add(book);
                    if (random.nextInt(4) == 0) {
                        assertThat(store().retain(book)).isPositive();
                        pinned.add(book);
                    }
                }
                book.setTitle(String.valueOf(committed[rows[i]] + 1));
            }
            if (random.nextBoolean()) {
                em.flush();
            }
            boolean commit = random.nextInt(10) < 6;
            for (Book book : canonical) {
                note(book.getId(), (commit ? "commit" : "rollback") + " of title=" + book.getTitle() + " v"
                        + book.getVersion() + (em.contains(book) ? "" : " (not managed)"));
            }
            if (commit) {
                em.getTransaction().commit();
                commits.increment();
                for (int row : rows) {
                    committed[row]++;
                }
            } else {
                em.getTransaction().rollback();
                rollbacks.increment();
                canonicalRollbacks.add(canonical.size());
            }
            // rules 5 and 6: this session owned these canonical instances, so they hold what was committed
            for (int i = 0; i < rows.length; i++) {
                Book book = own.get(i);
                if (canonical.contains(book)) {
                    String after = commit ? "commit" : "rollback";
                    assertThat(count(book)).as(() -> "canonical row " + book.getId() + " after " + after + "; "
                            + historyOf(book.getId())).isEqualTo(committed[rows[i]]);
                    assertThat(book.getVersion()).as(() -> "version of canonical row " + book.getId() + " after "
                            + after + "; " + historyOf(book.getId())).isEqualTo(committed[rows[i]]);
                }
            }
            for (Book book : pinned) {
                assertThat(store().release(book)).isZero();
            }
        }
    }

    /** Rule 4 on the row only this thread loads: edit it detached, check a load does not overwrite it, merge it. */
    private void editDetachedAndMerge(int thread, int[] committed) {
        int row = SHARED_ROWS;
        long id = id(thread, row);
        Book detached = inTx(em -> em.find(Book.class, id));
        assertThat(count(detached)).isEqualTo(committed[row]);
        boolean canonical = store().find(Book.class, id).orElse(null) == detached;
        detached.setTitle(String.valueOf(committed[row] + 1));
        if (canonical) {
            Book other = inTx(em -> em.find(Book.class, id));
            assertThat(other).as("a load of a row with pending edits").isNotSameAs(detached);
            assertThat(count(other)).isEqualTo(committed[row]);
            assertThat(count(detached)).isEqualTo(committed[row] + 1);
        }
        run(em -> em.merge(detached));
        committed[row]++;
        merges.increment();
        if (canonical) {
            assertThat(count(detached)).isEqualTo(committed[row]);
            assertThat(detached.getVersion()).isEqualTo(committed[row]);
            Book again = inTx(em -> em.find(Book.class, id));
            assertThat(again).isSameAs(detached);
        }
    }

    /** Reads a few other threads' rows through a StatelessSession. */
    private void readStatelessly(int thread, Random random) {
        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            for (int i = 0; i < 2; i++) {
                int other = (thread + 1 + random.nextInt(THREADS - 1)) % THREADS;
                assertThat(stateless.get(Book.class, id(other, random.nextInt(SHARED_ROWS)))).isNotNull();
            }
        }
    }

    /** Records a store event in its row's history: kind, thread, and the instance's title and version then. */
    private void record(CanonicalStoreEvent<Book> event) {
        note(event.id(), event.kind() + event.instance().map(b -> " title=" + b.getTitle() + " v" + b.getVersion())
                .orElse(""));
    }

    private void note(Object id, String what) {
        Deque<String> steps = history.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (steps) {
            steps.addLast(Thread.currentThread().getName() + ": " + what);
            if (steps.size() > HISTORY) {
                steps.removeFirst();
            }
        }
    }

    /** The history of row {@code id}, oldest first, for an assertion's description. */
    private String historyOf(Object id) {
        Deque<String> steps = history.getOrDefault(id, new ArrayDeque<>());
        synchronized (steps) {
            return "history of row " + id + ":\n  " + String.join("\n  ", steps);
        }
    }

    private static int count(Book book) {
        return Integer.parseInt(book.getTitle());
    }

    private void checkNothingLost(Map<Long, Integer> expected) throws Exception {
        for (Map.Entry<Long, Integer> row : expected.entrySet()) {
            assertThat(bookRow(row.getKey())).as("row %d", row.getKey())
                    .isEqualTo(new BookRow(String.valueOf(row.getValue()), row.getValue()));
        }
    }

    /**
     * Rules 2, 5 and 6: an alive canonical instance never holds a state that was not committed. It may be behind
     * the database (a commit elsewhere that conflicted with an owner session), never ahead of it or beside it.
     */
    private void checkAliveInstancesHoldCommittedStates(Map<Long, Integer> expected) throws Exception {
        for (Map.Entry<Long, Integer> row : expected.entrySet()) {
            Book alive = store().find(Book.class, row.getKey()).orElse(null);
            if (alive != null) {
                assertThat(alive.getVersion()).as("version of canonical row %d", row.getKey())
                        .isLessThanOrEqualTo(row.getValue());
                assertThat(count(alive)).as("canonical row %d", row.getKey()).isEqualTo(alive.getVersion());
                if (row.getKey() % 100 == SHARED_ROWS) {
                    // the merged row: only its own thread touched it, so it is never behind
                    assertThat(alive.getVersion()).isEqualTo(row.getValue());
                }
            }
        }
    }

    /** Rules 1 and 2: with every session closed, a load hands out the alive canonical instances, up to date. */
    private void checkALoadHandsOutCommittedStates(Map<Long, Integer> expected) {
        Map<Long, Book> alive = new HashMap<>();
        for (Long id : expected.keySet()) {
            store().find(Book.class, id).ifPresent(book -> alive.put(id, book));
        }
        List<Book> loaded = inTx(em -> em.createQuery("from Book b where b.id >= :first order by b.id", Book.class)
                .setParameter("first", FIRST_ID).getResultList());
        assertThat(loaded).hasSize(expected.size());
        for (Book book : loaded) {
            assertThat(count(book)).isEqualTo(expected.get(book.getId()));
            assertThat(book.getVersion()).isEqualTo(expected.get(book.getId()));
            if (alive.containsKey(book.getId())) {
                assertThat(book).as("row %d", book.getId()).isSameAs(alive.get(book.getId()));
            }
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
