package io.github.canonicalstore.it;

import static io.github.canonicalstore.CanonicalStoreEvent.Kind.EVICTED;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.RESTORED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 6: after a rollback every canonical instance the transaction changed is back to its last committed
 * state (with its committed {@code @Version}: rule 2's "never backwards"), instances persisted in it never become
 * canonical, and deleted rows leave the store only when the delete commits.
 */
class RollbackTest extends StoreTestSupport {

    // rule 6: rollback after flush; the version written by the flush is not kept
    @Test
    void rollbackAfterFlushRestoresTheCommittedStateAndVersion() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        long restores = store().statistics().restores();

        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            Book owned = em.find(Book.class, 100L);
            assertThat(owned).isSameAs(held);
            owned.setTitle("Rolled back");
            em.flush();
            assertThat(held.getVersion()).as("Hibernate increments the version on flush").isEqualTo(1);
            em.getTransaction().rollback();
        }

        assertThat(held.getTitle()).isEqualTo("The Dispossessed");
        assertThat(held.getVersion()).isZero();
        assertThat(store().statistics().restores()).isGreaterThan(restores);
        assertThat(events.of(RESTORED, 100L)).singleElement().satisfies(e -> {
            assertThat(e.instance()).isSameAs(held);
            assertThat(e.entityType()).isEqualTo(Book.class);
            assertThat(e.thread()).isSameAs(Thread.currentThread());
        });
        assertThat(bookRow(100L)).isEqualTo(new BookRow("The Dispossessed", 0));
        // restored, it has no pending edits: it is handed out again, not isolated
        long isolations = store().statistics().isolations();
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
    }

    // rule 6: rollback without flush
    @Test
    void rollbackWithoutFlushRestoresTheCommittedState() {
        Book held = find(Book.class, 101L);
        Recorder events = record(Book.class);
        long restores = store().statistics().restores();

        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.find(Book.class, 101L).setTitle("Never flushed");
            em.getTransaction().rollback();
        }

        assertThat(held.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(held.getVersion()).isZero();
        assertThat(store().statistics().restores()).isGreaterThan(restores);
        assertThat(events.of(RESTORED, 101L)).hasSize(1);
        assertThat(find(Book.class, 101L)).isSameAs(held);
    }

    // rule 6: also for an instance first loaded by the transaction that rolls back (nobody held it before)
    @Test
    void rollbackRestoresAnInstanceTheTransactionLoadedFirst() {
        Book loaded;
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            loaded = em.find(Book.class, 103L);
            loaded.setTitle("Rolled back");
            em.flush();
            em.getTransaction().rollback();
        }
        assertThat(store().find(Book.class, 103L)).containsSame(loaded);
        assertThat(loaded.getTitle()).isEqualTo("The Cyberiad");
        assertThat(loaded.getVersion()).isZero();
        assertThat(find(Book.class, 103L)).isSameAs(loaded);
    }

    // rule 6 and rule 2: the last committed state, not the first loaded one; the version never goes backwards
    @Test
    void rollbackRestoresTheLastCommittedStateNotTheFirstLoadedOne() {
        Book held = find(Book.class, 100L);
        run(em -> em.find(Book.class, 100L).setTitle("First edit"));
        assertThat(held.getVersion()).isEqualTo(1);

        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.find(Book.class, 100L).setTitle("Second edit");
            em.flush();
            assertThat(held.getVersion()).isEqualTo(2);
            em.getTransaction().rollback();
        }

        assertThat(held.getTitle()).isEqualTo("First edit");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 6: every canonical instance the transaction changed, of every type
    @Test
    void rollbackRestoresEveryCanonicalInstanceTheTransactionChanged() {
        Book book = find(Book.class, 100L);
        Genre genre = find(Genre.class, 1);
        Author author = find(Author.class, 1L);
        Book untouched = find(Book.class, 102L);

        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.find(Book.class, 100L).setTitle("Rolled back");
            em.find(Genre.class, 1).setLabel("Rolled back");
            em.find(Author.class, 1L).setName("Rolled back");
            assertThat(em.find(Book.class, 102L)).isSameAs(untouched);
            em.flush();
            em.getTransaction().rollback();
        }

        assertThat(book.getTitle()).isEqualTo("The Dispossessed");
        assertThat(book.getVersion()).isZero();
        assertThat(genre.getLabel()).isEqualTo("Fiction");
        assertThat(author.getName()).isEqualTo("Ursula");
        assertThat(author.getVersion()).isZero();
        assertThat(untouched.getTitle()).isEqualTo("Solaris");
        assertThat(find(Genre.class, 1)).isSameAs(genre);
        assertThat(genre.getLabel()).isEqualTo("Fiction");
    }

    // rule 6: a commit that fails (optimistic lock) is a rollback
    @Test
    void aFailedCommitRestoresTheInstanceAndTheNextLoadRefreshesIt() throws Exception {
        Book held = find(Book.class, 100L);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            assertThat(em.find(Book.class, 100L)).isSameAs(held);
            held.setTitle("Stale edit");
            updateBehindHibernatesBack(
                    "update it_book set title = 'Changed in the database', version = version + 1 where id = 100");
            assertThatThrownBy(() -> em.getTransaction().commit())
                    .satisfies(e -> assertThat(causedBy(e, OptimisticLockException.class)).as("%s", e).isTrue());
        }
        assertThat(held.getTitle()).isNotEqualTo("Stale edit");
        assertThat(held.getVersion()).isLessThanOrEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(held.getTitle()).isEqualTo("Changed in the database");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 6: an instance persisted in a rolled-back transaction never becomes canonical
    @Test
    void anInstancePersistedInARolledBackTransactionNeverBecomesCanonical() throws Exception {
        Book persisted = new Book(200L, "Never committed", 10, null, null);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(persisted);
            em.flush();
            assertThat(em.createQuery("from Book where id = 200", Book.class).getSingleResult()).isSameAs(persisted);
            assertThat(store().find(Book.class, 200L)).isEmpty();
            em.getTransaction().rollback();
        }
        assertThat(store().find(Book.class, 200L)).isEmpty();
        assertThatThrownBy(() -> store().retain(persisted)).isInstanceOf(IllegalArgumentException.class);
        assertThat(find(Book.class, 200L)).isNull();
        assertThat(bookRowExists(200L)).isFalse();

        run(em -> em.persist(new Book(200L, "Committed later", 10, null, null)));
        Book loaded = find(Book.class, 200L);
        assertThat(loaded).isNotSameAs(persisted);
        assertThat(loaded.getTitle()).isEqualTo("Committed later");
        assertThat(store().find(Book.class, 200L)).containsSame(loaded);
        assertThat(persisted.getTitle()).isEqualTo("Never committed");
    }

    // rule 6: a committed delete removes the row's canonical instance from the store
    @Test
    void aCommittedDeleteRemovesTheRowFromTheStore() throws Exception {
        Book held = find(Book.class, 104L);
        Recorder events = record(Book.class);
        run(em -> {
            Book owned = em.find(Book.class, 104L);
            assertThat(owned).isSameAs(held);
            em.remove(owned);
            em.flush();
            // not before commit
            assertThat(store().find(Book.class, 104L)).containsSame(held);
        });
        assertThat(bookRowExists(104L)).isFalse();
        assertThat(store().find(Book.class, 104L)).isEmpty();
        assertThat(events.of(EVICTED, 104L)).singleElement().satisfies(e -> assertThat(e.instance()).isSameAs(held));
        assertThatThrownBy(() -> store().retain(held)).isInstanceOf(IllegalArgumentException.class);
        assertThat(find(Book.class, 104L)).isNull();
    }

    // rule 6: a rolled-back delete leaves the instance canonical
    @Test
    void aRolledBackDeleteLeavesTheInstanceCanonical() throws Exception {
        Book held = find(Book.class, 104L);
        Recorder events = record(Book.class);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.remove(em.find(Book.class, 104L));
            em.flush();
            em.getTransaction().rollback();
        }
        assertThat(bookRowExists(104L)).isTrue();
        assertThat(store().find(Book.class, 104L)).containsSame(held);
        assertThat(events.of(EVICTED)).isEmpty();
        assertThat(find(Book.class, 104L)).isSameAs(held);
        assertThat(held.getTitle()).isEqualTo("View with a Grain of Sand");
    }

    // rule 6: a delete committed by a StatelessSession also removes the row from the store
    @Test
    void aStatelessDeleteRemovesTheRowFromTheStore() throws Exception {
        Book held = find(Book.class, 104L);
        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            Transaction tx = stateless.beginTransaction();
            stateless.delete(new Book(104L, "View with a Grain of Sand", 214, null, held.getGenre()));
            tx.commit();
        }
        assertThat(bookRowExists(104L)).isFalse();
        assertThat(store().find(Book.class, 104L)).isEmpty();
    }

    // rule 6: a rollback after changes made through a private instance leaves C(k) as it was
    @Test
    void rollbackOfChangesToAPrivateInstanceLeavesTheCanonicalOneAlone() {
        Book held = find(Book.class, 100L);
        long restores = store().statistics().restores();
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            assertThat(owner.find(Book.class, 100L)).isSameAs(held);
            other.getTransaction().begin();
            Book isolated = other.find(Book.class, 100L);
            isolated.setTitle("Rolled back");
            other.flush();
            other.getTransaction().rollback();
            assertThat(held.getTitle()).isEqualTo("The Dispossessed");
        }
        assertThat(store().statistics().restores()).isEqualTo(restores);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }
}
