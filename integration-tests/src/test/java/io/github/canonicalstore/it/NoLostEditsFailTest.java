package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalConflictException;
import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 4 under {@code hibernate.canonical_store.conflict=fail}: a load of a row whose canonical instance
 * has pending edits throws {@link CanonicalConflictException} naming the key instead of handing out a private
 * instance; merging the canonical instance still writes its edits.
 */
class NoLostEditsFailTest extends StoreTestSupport {

    @Override
    protected String unit() {
        return "store-fail";
    }

    // rule 4 under fail: find
    @Test
    void findOfARowWithPendingEditsThrowsNamingTheKey() {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        long isolations = store().statistics().isolations();

        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            assertThatThrownBy(() -> em.find(Book.class, 100L))
                    .isInstanceOf(CanonicalConflictException.class)
                    .hasMessageContaining("Book#100")
                    .satisfies(e -> {
                        CanonicalConflictException conflict = (CanonicalConflictException) e;
                        assertThat(conflict.id()).isEqualTo(100L);
                        assertThat(conflict.entityName()).endsWith("Book");
                        assertThat(conflict.tenantId()).isNull();
                    });
            em.getTransaction().rollback();
        }
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(store().find(Book.class, 100L)).containsSame(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
    }

    // rule 4 under fail: a query
    @Test
    void queryOfARowWithPendingEditsThrowsNamingTheKey() {
        Book held = find(Book.class, 102L);
        held.setTitle("Edited while detached");
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            assertThatThrownBy(() -> em.createQuery("from Book b order by b.id", Book.class).getResultList())
                    .satisfies(e -> assertThat(causeOf(e, CanonicalConflictException.class))
                            .hasMessageContaining("Book#102"));
            em.getTransaction().rollback();
        }
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
    }

    // rule 4 under fail: rows without pending edits still load and are shared
    @Test
    void rowsWithoutPendingEditsStillLoadAndAreShared() {
        Book edited = find(Book.class, 100L);
        Book clean = find(Book.class, 101L);
        edited.setTitle("Edited while detached");
        assertThat(find(Book.class, 101L)).isSameAs(clean);
    }

    // rule 4 under fail (where silent: fail forbids private instances for loads, not the merge that saves the edits)
    @Test
    void mergeOfTheCanonicalInstanceStillWritesItsEdits() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        run(em -> em.merge(held));
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Edited while detached", 1));
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 5 under fail: a commit whose state cannot flow back is counted, it does not throw
    @Test
    void aCommitThatCannotFlowBackIsCountedAndDoesNotThrow() throws Exception {
        Author author = find(Author.class, 1L);
        Genre fiction = find(Genre.class, 1);
        long conflicts = store().statistics().conflicts();
        try (EntityManager owner = emf.createEntityManager()) {
            Book canonical = owner.find(Book.class, 100L);
            try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
                Transaction tx = stateless.beginTransaction();
                stateless.update(new Book(100L, "Updated statelessly", 387, author, fiction));
                tx.commit();
            }
            assertThat(canonical.getTitle()).isEqualTo("The Dispossessed");
            assertThat(canonical.getVersion()).isZero();
        }
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Updated statelessly", 1));
        assertThat(store().statistics().conflicts()).isGreaterThan(conflicts);
    }
}
