package io.github.canonicalstore.it;

import static io.github.canonicalstore.CanonicalStoreEvent.Kind.RESTORED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SEMANTICS rule 6, whatever the session did with the instance before the rollback: a transaction edits a canonical
 * instance, flushes, then lets go of it ({@code clear()}, {@code detach()} or {@code evict()}, as batch jobs do every
 * N rows) and rolls back. The instance must be back to its committed state, so that a later {@code merge} writes no
 * rolled-back value and a versioned instance can be merged again and is handed out by loads (issue #9).
 */
class RollbackAfterLettingGoTest extends StoreTestSupport {

    /** How the session lets go of the instance before the rollback. */
    enum LetGo {
        CLEAR, DETACH, EVICT;

        void apply(EntityManager em, Object entity) {
            switch (this) {
                case CLEAR -> em.clear();
                case DETACH -> em.detach(entity);
                case EVICT -> em.unwrap(Session.class).evict(entity);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LetGo.class)
    void aVersionedInstanceGetsItsCommittedStateAndVersionBack(LetGo letGo) throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            Book owned = em.find(Book.class, 100L);
            assertThat(owned).isSameAs(held);
            owned.setTitle("Rolled back");
            em.flush();
            letGo.apply(em, owned);
            em.getTransaction().rollback();
        }

        assertThat(held.getTitle()).isEqualTo("The Dispossessed");
        assertThat(held.getVersion()).isZero();
        assertThat(events.of(RESTORED, 100L)).hasSize(1);
        long isolations = store().statistics().isolations();
        assertThat(find(Book.class, 100L)).as("no pending edits: loads hand it out").isSameAs(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
        // and it can be merged again: its version is the committed one
        held.setTitle("Merged later");
        run(em -> em.merge(held));
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Merged later", 1));
    }

    @ParameterizedTest
    @EnumSource(LetGo.class)
    void aMergeOfAnUnversionedInstanceWritesNoRolledBackValue(LetGo letGo) throws Exception {
        Genre held = find(Genre.class, 1);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            Genre owned = em.find(Genre.class, 1);
            assertThat(owned).isSameAs(held);
            owned.setLabel("Rolled back");
            em.flush();
            letGo.apply(em, owned);
            em.getTransaction().rollback();
        }

        assertThat(held.getLabel()).isEqualTo("Fiction");
        run(em -> em.merge(held));
        assertThat(genreLabel(1)).isEqualTo("Fiction");
        assertThat(find(Genre.class, 1)).isSameAs(held);
    }

    @ParameterizedTest
    @EnumSource(LetGo.class)
    void anEditThatWasNeverFlushedIsUndoneToo(LetGo letGo) {
        Book held = find(Book.class, 101L);
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            Book owned = em.find(Book.class, 101L);
            owned.setTitle("Never flushed");
            letGo.apply(em, owned);
            em.getTransaction().rollback();
        }
        assertThat(held.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(find(Book.class, 101L)).isSameAs(held);
    }
}
