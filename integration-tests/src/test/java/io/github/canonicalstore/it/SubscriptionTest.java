package io.github.canonicalstore.it;

import static io.github.canonicalstore.CanonicalStoreEvent.Kind.EVICTED;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.REFRESHED;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.RELEASED;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.CanonicalStoreEvent;
import io.github.canonicalstore.Subscription;
import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import io.github.canonicalstore.it.model.Person;
import jakarta.persistence.EntityManager;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code CanonicalStore.subscribe} (SEMANTICS, Public API): which events are delivered (refreshed by rule 2, updated
 * by rule 5, restored by rule 6, conflict, evicted, released), for which types, on which thread, and what closing
 * the subscription and a failing listener do. Rules 5 and 6 check their own events in their own classes.
 */
class SubscriptionTest extends StoreTestSupport {
    private static final String CHANGED = "Changed elsewhere";

    /** Changes every book's title with plain JDBC, so that the next load finds changed rows to write. */
    private void changeTitlesBehindHibernatesBack() throws Exception {
        updateBehindHibernatesBack("update it_book set title = '" + CHANGED + "', version = version + 1");
    }

    // rule 2 / API: a load that writes a changed row into the canonical instance delivers REFRESHED, on the
    // loading thread
    @Test
    void aLoadThatHandsOutTheCanonicalInstanceDeliversRefreshedOnTheLoadingThread() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        changeTitlesBehindHibernatesBack();

        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(held.getTitle()).isEqualTo(CHANGED);

        assertThat(events.of(REFRESHED, 100L)).singleElement().satisfies(e -> {
            assertThat(e.entityType()).isEqualTo(Book.class);
            assertThat(e.id()).isEqualTo(100L);
            assertThat(e.tenantId()).isNull();
            assertThat(e.hadInstance()).isTrue();
            assertThat(e.instance()).isSameAs(held);
            assertThat(e.thread()).isSameAs(Thread.currentThread());
        });
        assertThat(events.all()).allSatisfy(e -> assertThat(e.entityType()).isEqualTo(Book.class));
    }

    // rule 11 / API: a load that finds the state the canonical instance holds writes nothing and delivers nothing
    @Test
    void aLoadOfAnUnchangedRowDeliversNoRefreshed() {
        Book held = find(Book.class, 100L);
        Recorder events = record(Object.class);
        assertThat(find(Book.class, 100L)).isSameAs(held);
        List<Book> queried = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        assertThat(queried).contains(held);
        assertThat(events.all()).isEmpty();
    }

    // rule 2 / API: a query delivers one REFRESHED per canonical instance it writes a changed row into
    @Test
    void aQueryDeliversRefreshedForEveryCanonicalInstanceItHandsOut() throws Exception {
        List<Book> held = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        Recorder events = record(Book.class);
        changeTitlesBehindHibernatesBack();
        inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        assertThat(events.of(REFRESHED)).hasSize(held.size());
        assertThat(events.of(REFRESHED).stream().map(Seen::id).toList())
                .containsExactlyInAnyOrderElementsOf(held.stream().map(Book::getId).toList());
    }

    // rules 3 and 4 / API: a load that gets a private instance leaves C(k) untouched and delivers nothing for it
    @Test
    void aLoadThatGetsAPrivateInstanceDeliversNoRefreshed() {
        Book held = find(Book.class, 100L);
        held.setTitle("Pending edit");
        Recorder events = record(Book.class);
        assertThat(find(Book.class, 100L)).isNotSameAs(held);
        assertThat(events.of(REFRESHED, 100L)).isEmpty();
    }

    // API: subscribe(type) covers the type and its subclasses, and only them
    @Test
    void eventsAreDeliveredForTheSubscribedTypeAndItsSubclassesOnly() throws Exception {
        Author author = find(Author.class, 1L);
        Person reader = find(Person.class, 10L);
        find(Book.class, 100L);
        Recorder persons = record(Person.class);
        Recorder authors = record(Author.class);
        Recorder books = record(Book.class);
        updateBehindHibernatesBack(
                "update it_person set name = 'Renamed elsewhere', version = version + 1 where id in (1, 10)");

        assertThat(find(Author.class, 1L)).isSameAs(author);
        assertThat(find(Person.class, 10L)).isSameAs(reader);

        assertThat(persons.of(REFRESHED)).extracting(Seen::entityType, Seen::id)
                .containsExactlyInAnyOrder(tuple(Author.class, 1L),
                        tuple(Person.class, 10L));
        assertThat(authors.of(REFRESHED)).singleElement().satisfies(e -> {
            assertThat(e.entityType()).isEqualTo(Author.class);
            assertThat(e.instance()).isSameAs(author);
        });
        assertThat(books.all()).isEmpty();
    }

    // API: subscribe(Object.class) sees every entity type
    @Test
    void subscribingToObjectSeesEveryEntityType() throws Exception {
        Book book = find(Book.class, 100L);
        Recorder all = record(Object.class);
        changeTitlesBehindHibernatesBack();
        updateBehindHibernatesBack("update it_genre set label = 'Relabelled elsewhere'");
        assertThat(find(Book.class, 100L)).isSameAs(book);
        assertThat(all.of(REFRESHED)).extracting(Seen::entityType)
                .containsExactlyInAnyOrder(Book.class, Genre.class);
    }

    // rule 5 / API: the canonical instance's own committed changes deliver UPDATED after the commit (and the
    // load that found the row unchanged delivers nothing before it)
    @Test
    void aCommitThroughTheCanonicalInstanceDeliversUpdatedAfterRefreshed() {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        run(em -> em.find(Book.class, 100L).setTitle("Committed"));
        List<CanonicalStoreEvent.Kind> kinds = events.all().stream()
                .filter(e -> e.id().equals(100L)).map(Seen::kind).toList();
        assertThat(kinds).containsExactly(UPDATED);
        assertThat(events.of(UPDATED, 100L)).singleElement().satisfies(e -> {
            assertThat(e.instance()).isSameAs(held);
            assertThat(e.thread()).isSameAs(Thread.currentThread());
        });
        assertThat(held.getTitle()).isEqualTo("Committed");
    }

    // API: evict and evictAll deliver EVICTED for each removed entry of the subscribed type
    @Test
    void evictAndEvictAllDeliverEvicted() {
        Book first = find(Book.class, 100L);
        Book second = find(Book.class, 101L);
        Recorder events = record(Book.class);

        store().evict(Book.class, 100L);
        assertThat(events.of(EVICTED)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(100L);
            assertThat(e.instance()).isSameAs(first);
        });
        assertThat(store().evict(Book.class, 100L)).isFalse();
        assertThat(events.of(EVICTED)).hasSize(1);

        events.clear();
        store().evictAll();
        // only the book: its genre was evicted too, but is not a Book
        assertThat(events.of(EVICTED)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(101L);
            assertThat(e.instance()).isSameAs(second);
        });
    }

    // rule 7 / API: a collected instance delivers RELEASED, without its instance, once its entry is removed
    @Test
    void aCollectedInstanceDeliversReleasedWhenItsEntryIsRemoved() {
        Recorder events = record(Book.class);
        WeakReference<Book> ref = new WeakReference<>(find(Book.class, 101L));
        await().atMost(DEADLINE).until(() -> {
            System.gc();
            store().cleanUp();
            return !events.of(RELEASED, 101L).isEmpty();
        });
        assertThat(ref.get()).isNull();
        assertThat(events.of(RELEASED, 101L)).singleElement().satisfies(e -> {
            assertThat(e.hadInstance()).isFalse();
            assertThat(e.entityType()).isEqualTo(Book.class);
            assertThat(e.tenantId()).isNull();
        });
        assertThat(events.of(RELEASED)).allSatisfy(e -> assertThat(e.entityType()).isEqualTo(Book.class));
    }

    // API: closing the subscription stops delivery; closing twice does nothing
    @Test
    void closingTheSubscriptionStopsDelivery() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = new Recorder();
        Subscription subscription = store().subscribe(Book.class, events::onEvent);
        updateBehindHibernatesBack(
                "update it_book set title = '" + CHANGED + "', version = version + 1 where id = 100");
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(events.of(REFRESHED)).hasSize(1);

        subscription.close();
        subscription.close();
        updateBehindHibernatesBack("update it_book set title = 'Changed again', version = version + 1 where id = 100");
        assertThat(find(Book.class, 100L)).isSameAs(held);
        run(em -> em.find(Book.class, 100L).setTitle("Unobserved"));
        store().evict(Book.class, 100L);
        assertThat(events.all()).hasSize(1);
    }

    // API: a listener that throws fails neither the load nor the commit, nor the other listeners
    @Test
    void aThrowingListenerFailsNeitherTheLoadNorTheCommitNorOtherListeners() throws Exception {
        Book held = find(Book.class, 100L);
        AtomicInteger thrown = new AtomicInteger();
        subscribe(Book.class, e -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("a broken listener");
        });
        Recorder events = record(Book.class);
        updateBehindHibernatesBack(
                "update it_book set title = '" + CHANGED + "', version = version + 1 where id = 100");

        assertThat(find(Book.class, 100L)).isSameAs(held);
        run(em -> em.find(Book.class, 100L).setTitle("Committed despite the listener"));

        assertThat(thrown.get()).isGreaterThanOrEqualTo(2);
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Committed despite the listener", 2));
        assertThat(held.getTitle()).isEqualTo("Committed despite the listener");
        assertThat(held.getVersion()).isEqualTo(2);
        assertThat(events.of(REFRESHED, 100L)).hasSize(1);
        assertThat(events.of(UPDATED, 100L)).hasSize(1);
    }

    // API: events are delivered synchronously on the thread that caused them
    @Test
    void eventsCausedOnAnotherThreadAreDeliveredOnThatThread() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        updateBehindHibernatesBack(
                "update it_book set title = '" + CHANGED + "', version = version + 1 where id = 100");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<Thread> caused = worker.submit(() -> {
                try (EntityManager em = emf.createEntityManager()) {
                    em.getTransaction().begin();
                    em.find(Book.class, 100L).setTitle("Committed on a worker");
                    em.getTransaction().commit();
                }
                return Thread.currentThread();
            });
            Thread workerThread = within(caused);
            assertThat(workerThread).isNotSameAs(Thread.currentThread());
            assertThat(events.of(REFRESHED, 100L)).singleElement()
                    .satisfies(e -> assertThat(e.thread()).isSameAs(workerThread));
            assertThat(events.of(UPDATED, 100L)).singleElement()
                    .satisfies(e -> assertThat(e.thread()).isSameAs(workerThread));
        } finally {
            worker.shutdownNow();
        }
        assertThat(held.getTitle()).isEqualTo("Committed on a worker");
    }

    // API: the documented UI hand-off: the listener passes the key to the UI's own executor
    @Test
    void aListenerCanHandEventsToAUiExecutor() throws Exception {
        Book held = find(Book.class, 100L);
        AtomicReference<Thread> uiThread = new AtomicReference<>();
        ExecutorService ui = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ui");
            uiThread.set(thread);
            return thread;
        });
        List<String> shown = new CopyOnWriteArrayList<>();
        List<Thread> shownOn = new CopyOnWriteArrayList<>();
        try {
            subscribe(Book.class, e -> {
                CanonicalStoreEvent.Kind kind = e.kind();
                Object id = e.id();
                ui.execute(() -> {
                    shown.add(kind + " " + id);
                    shownOn.add(Thread.currentThread());
                });
            });
            updateBehindHibernatesBack(
                    "update it_book set title = '" + CHANGED + "', version = version + 1 where id = 100");
            run(em -> em.find(Book.class, 100L).setTitle("Shown in the UI"));
            await().atMost(DEADLINE).until(() -> shown.contains("UPDATED 100"));
            assertThat(shown).contains("REFRESHED 100");
            assertThat(shownOn).isNotEmpty().allSatisfy(t -> assertThat(t).isSameAs(uiThread.get()));
        } finally {
            ui.shutdownNow();
        }
        assertThat(held.getTitle()).isEqualTo("Shown in the UI");
    }
}
