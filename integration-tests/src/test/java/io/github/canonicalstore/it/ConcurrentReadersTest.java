package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 11: threads read canonical instances (render a page) after their session closed, while other
 * sessions load the same rows. A load that finds the state an instance holds writes nothing into it; initialised
 * collections stay initialised; a reader never runs SQL through another thread's session (it gets the
 * {@link LazyInitializationException} a detached instance would give); a changed row reaches readers property by
 * property, never as an exception.
 */
class ConcurrentReadersTest extends StoreTestSupport {
    private static final String JOIN_FETCH = "select b from Book b join fetch b.chapters where b.id = :id";

    @Test
    void loadsOfAnUnchangedRowWriteNothingIntoTheInstance() {
        Book held = bookWithChapters();
        String title = held.getTitle();
        List<Chapter> chapters = held.getChapters();
        Object genre = held.getGenre();
        Object author = held.getAuthor();

        assertThat(find(Book.class, 100L)).isSameAs(held);
        Book fetched = inTx(em -> em.createQuery(JOIN_FETCH, Book.class).setParameter("id", 100L).getSingleResult());
        assertThat(fetched).isSameAs(held);
        List<Book> all = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        assertThat(all).contains(held);
        Book initialisedAgain = inTx(em -> {
            Book book = em.find(Book.class, 100L);
            Hibernate.initialize(book.getChapters());
            return book;
        });
        assertThat(initialisedAgain).isSameAs(held);

        assertThat(held.getTitle()).isSameAs(title);
        assertThat(held.getChapters()).isSameAs(chapters);
        assertThat(Hibernate.isInitialized(held.getChapters())).isTrue();
        assertThat(held.getChapters()).extracting(Chapter::getHeading).containsExactly("Anarres", "Urras");
        assertThat(held.getGenre()).isSameAs(genre);
        assertThat(held.getAuthor()).isSameAs(author);
    }

    @Test
    void aReaderIteratesItsInitialisedCollectionWhileAnotherSessionTakesTheInstanceOver() throws Exception {
        Book held = bookWithChapters();
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> session = other.submit(() -> {
                try (EntityManager em = emf.createEntityManager()) {
                    Book book = em.createQuery(JOIN_FETCH, Book.class).setParameter("id", 100L).getSingleResult();
                    assertThat(book).isSameAs(held);
                    loaded.countDown();
                    awaitLatch(read); // the session stays open while the reader reads
                    return book.getChapters().size();
                }
            });
            awaitLatch(loaded);
            assertThat(held.getChapters()).extracting(Chapter::getHeading).containsExactly("Anarres", "Urras");
            assertThat(held.getChapters().get(0).getBook()).isSameAs(held);
            read.countDown();
            assertThat(within(session)).isEqualTo(2);
        } finally {
            read.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void aReaderNeverLoadsLazyStateThroughAnotherThreadsSession() throws Exception {
        Book held = find(Book.class, 100L); // chapters not initialised; its session is closed
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> session = other.submit(() -> {
                try (EntityManager em = emf.createEntityManager()) {
                    em.getTransaction().begin();
                    Book book = em.find(Book.class, 100L);
                    assertThat(book).isSameAs(held);
                    loaded.countDown();
                    awaitLatch(tried);
                    // the session that took the instance over initialises its lazy state on its own thread
                    List<String> headings = new ArrayList<>();
                    book.getChapters().forEach(chapter -> headings.add(chapter.getHeading()));
                    em.createQuery("from Book", Book.class).getResultList(); // and is still usable
                    em.getTransaction().commit();
                    return headings;
                }
            });
            awaitLatch(loaded);
            assertThatThrownBy(() -> held.getChapters().size())
                    .as("a detached reader, as in plain Hibernate")
                    .isInstanceOf(LazyInitializationException.class);
            tried.countDown();
            assertThat(within(session)).containsExactly("Anarres", "Urras");
        } finally {
            tried.countDown();
            other.shutdownNow();
        }
        // the collection the other session initialised is initialised for everybody now
        assertThat(held.getChapters()).extracting(Chapter::getHeading).containsExactly("Anarres", "Urras");
    }

    @Test
    void aChangedRowReachesReadersPropertyByPropertyWithoutExceptions() throws Exception {
        Book held = bookWithChapters();
        List<Chapter> chapters = held.getChapters();
        updateBehindHibernatesBack(
                "update it_book set title = 'Changed elsewhere', pages = 400, version = version + 1 where id = 100");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = pool.submit(() -> {
                start.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                int reads = 0;
                for (int i = 0; i < 20_000; i++) {
                    assertThat(held.getTitle()).isIn("The Dispossessed", "Changed elsewhere");
                    assertThat(held.getPages()).isIn(387, 400);
                    assertThat(held.getChapters()).hasSize(2);
                    reads++;
                }
                return reads;
            });
            Future<Book> loader = pool.submit(() -> {
                start.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                return find(Book.class, 100L);
            });
            assertThat(within(loader)).isSameAs(held);
            assertThat(within(reader)).isEqualTo(20_000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(held.getTitle()).isEqualTo("Changed elsewhere");
        assertThat(held.getPages()).isEqualTo(400);
        assertThat(held.getChapters()).isSameAs(chapters);
    }

    @Test
    void readersAndLoadersOnManyThreadsNeverFail() throws Exception {
        bookWithChapters();
        int threads = 6;
        int rounds = 60;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    start.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    int pages = 0;
                    for (int round = 0; round < rounds; round++) {
                        List<Book> books = thread % 2 == 0
                                ? inTx(em -> em.createQuery("select distinct b from Book b left join fetch b.chapters "
                                        + "order by b.id", Book.class).getResultList())
                                : inTx(em -> {
                                    Book book = em.find(Book.class, 100L);
                                    Hibernate.initialize(book.getChapters());
                                    return List.of(book);
                                });
                        // render after the session closed, as a view does with open-session-in-view off
                        for (Book book : books) {
                            if (book.getId() == 100L) {
                                assertThat(book.getChapters()).extracting(Chapter::getHeading)
                                        .containsExactly("Anarres", "Urras");
                            }
                            assertThat(book.getGenre().getLabel()).isNotBlank();
                            pages += book.getPages();
                        }
                    }
                    return pages;
                };
                results.add(pool.submit(work));
            }
            for (Future<Integer> result : results) {
                assertThat(within(result)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // rule 11: a session that takes over an instance whose initialised collection holds canonical instances it did
    // not load can still flush: the persist cascade takes those elements over too, and writes edits made to them
    @Test
    void aFlushCascadeTakesOverTheCanonicalElementsOfAnInitialisedCollection() {
        Book held = bookWithChapters();
        Chapter first = held.getChapters().get(0);
        run(em -> {
            Book book = em.find(Book.class, 100L);
            assertThat(book).isSameAs(held);
            book.setTitle("Renamed with its chapters");
            book.getChapters().get(0).setHeading("Anarres, edited");
        });
        Chapter reloaded = inTx(em -> em.find(Chapter.class, first.getId()));
        assertThat(reloaded).isSameAs(first);
        assertThat(first.getHeading()).isEqualTo("Anarres, edited");
        Object heading = inTx(em -> em.createNativeQuery("select heading from it_chapter where id = 1000")
                .getSingleResult());
        assertThat(heading).isEqualTo("Anarres, edited");
    }
}
