package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.CanonicalStoreEvent;
import io.github.canonicalstore.CanonicalStoreListener;
import io.github.canonicalstore.Subscription;
import io.github.canonicalstore.it.model.Book;
import jakarta.persistence.EntityManager;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterEach;

/**
 * Helpers for the tests of SEMANTICS rules 4 to 6 and of the store's API: reading rows behind Hibernate's back
 * (plain JDBC, so that no load touches the store), recording subscribed events, and waiting with deadlines.
 */
abstract class StoreTestSupport extends PersistenceUnitTest {
    /** How long a test waits for another thread, a latch or the garbage collector before it fails. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    /** A row of {@code it_book} as the database has it. */
    record BookRow(String title, int version) {
    }

    /** Book 100 with its chapters initialised, loaded in a session that is closed when it returns. */
    Book bookWithChapters() {
        return inTx(em -> {
            Book book = em.find(Book.class, 100L);
            Hibernate.initialize(book.getChapters());
            return book;
        });
    }

    /** Reads a book row with plain JDBC (never through Hibernate, so never through the store). */
    BookRow bookRow(long id) throws Exception {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "select title, version from it_book where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("row it_book#%s exists", id).isTrue();
                return new BookRow(rows.getString(1), rows.getInt(2));
            }
        }
    }

    /** Whether a book row exists, read with plain JDBC. */
    boolean bookRowExists(long id) throws Exception {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("select count(*) from it_book where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Reads a genre's label with plain JDBC. */
    String genreLabel(int id) throws Exception {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("select label from it_genre where id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** Runs one SQL update outside any session and commits it. */
    void updateBehindHibernatesBack(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    Connection connect() throws Exception {
        // through the factory's own connection settings, outside any session
        return db.connect((String) emf.getProperties().get("jakarta.persistence.jdbc.url"));
    }

    /**
     * A private (non-canonical) instance of a book row, detached: loaded while another open session owned the
     * canonical instance (rule 3). Both sessions are closed when it returns.
     */
    Book privateBook(long id) {
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            Book canonical = owner.find(Book.class, id);
            Book isolated = other.find(Book.class, id);
            assertThat(isolated).isNotSameAs(canonical);
            assertThat(store().find(Book.class, id)).containsSame(canonical);
            return isolated;
        }
    }

    /**
     * Commits {@code change} to a book row through a private instance: the writing session loads the row while
     * another open session owns the canonical instance, and that session closes before the writer commits, so
     * that the canonical instance is detached and has no owner at commit time (rule 5's propagation case).
     */
    void commitThroughPrivateInstance(long id, Consumer<Book> change) {
        try (EntityManager writer = emf.createEntityManager()) {
            writer.getTransaction().begin();
            Book isolated;
            try (EntityManager owner = emf.createEntityManager()) {
                Book canonical = owner.find(Book.class, id);
                isolated = writer.find(Book.class, id);
                assertThat(isolated).isNotSameAs(canonical);
            }
            change.accept(isolated);
            writer.getTransaction().commit();
        }
    }

    /** Subscribes a new recorder to {@code type}; the subscription is closed after the test. */
    Recorder record(Class<?> type) {
        Recorder recorder = new Recorder();
        subscribe(type, recorder::onEvent);
        return recorder;
    }

    /** Subscribes {@code listener}; the subscription is closed after the test. */
    <T> Subscription subscribe(Class<T> type, CanonicalStoreListener<? super T> listener) {
        Subscription subscription = store().subscribe(type, listener);
        subscriptions.add(subscription);
        return subscription;
    }

    static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("latch reached in time").isTrue();
    }

    static <T> T within(Future<T> future) throws Exception {
        return future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    static void awaitCollected(WeakReference<?> ref) {
        await().atMost(DEADLINE).until(() -> {
            System.gc();
            return ref.get() == null;
        });
    }

    /** Whether {@code thrown} or one of its causes is an instance of {@code type}. */
    static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code thrown} or its first cause of {@code type}; fails if there is none. */
    static <E extends Throwable> E causeOf(Throwable thrown, Class<E> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("expected a " + type.getName() + " in the causes of " + thrown, thrown);
    }

    /** An event as it was delivered: the instance only weakly, so that recording never keeps one alive. */
    record Seen(CanonicalStoreEvent.Kind kind, Class<?> entityType, Object id, Object tenantId, boolean hadInstance,
            WeakReference<Object> instanceRef, Thread thread) {

        Object instance() {
            return instanceRef.get();
        }
    }

    /**
     * Records every event it receives, with the thread that delivered it; subscribe {@code recorder::onEvent}. (It
     * does not implement {@link CanonicalStoreListener} itself: the enhancer of the enhanced runs cannot resolve
     * the extension's types when it inspects a test class's supertypes.)
     */
    static final class Recorder {
        private final List<Seen> events = new CopyOnWriteArrayList<>();

        void onEvent(CanonicalStoreEvent<?> event) {
            Object instance = event.instance().orElse(null);
            events.add(new Seen(event.kind(), event.entityType(), event.id(), event.tenantId(), instance != null,
                    new WeakReference<>(instance), Thread.currentThread()));
        }

        List<Seen> all() {
            return new ArrayList<>(events);
        }

        List<Seen> of(CanonicalStoreEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }

        List<Seen> of(CanonicalStoreEvent.Kind kind, Object id) {
            return events.stream().filter(e -> e.kind() == kind && e.id().equals(id)).toList();
        }

        void clear() {
            events.clear();
        }
    }
}
