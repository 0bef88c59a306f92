package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 4 (conflict=isolate, the default): a load never overwrites the pending edits of a detached
 * canonical instance; the loading session gets a private instance, and {@code merge} of the canonical instance
 * writes the edits, after which it holds the committed state and is handed out again.
 */
class NoLostEditsTest extends StoreTestSupport {

    // rule 4: find
    @Test
    void findOfARowWithPendingEditsGetsAPrivateInstanceWithTheDatabaseState() {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        long isolations = store().statistics().isolations();

        Book loaded = find(Book.class, 100L);

        assertThat(loaded).isNotSameAs(held);
        assertThat(loaded.getTitle()).isEqualTo("The Dispossessed");
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(held.getVersion()).isZero();
        // one private book; its eager genre is clean and still shared
        assertThat(store().statistics().isolations()).isEqualTo(isolations + 1);
        assertThat(loaded.getGenre()).isSameAs(held.getGenre());
        assertThat(store().find(Book.class, 100L)).containsSame(held);
    }

    // rule 4: HQL query, with the row changed behind Hibernate's back (the private instance has the new state)
    @Test
    void queryOfARowWithPendingEditsGetsAPrivateInstanceAndSharesTheOthers() throws Exception {
        List<Book> first = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        Book held = first.get(0);
        held.setTitle("Edited while detached");
        updateBehindHibernatesBack("update it_book set title = 'Changed in the database', version = version + 1"
                + " where id = 100");
        long isolations = store().statistics().isolations();

        List<Book> second = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());

        assertThat(second.get(0)).isNotSameAs(held);
        assertThat(second.get(0).getTitle()).isEqualTo("Changed in the database");
        assertThat(second.get(0).getVersion()).isEqualTo(1);
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(held.getVersion()).isZero();
        for (int i = 1; i < first.size(); i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(store().statistics().isolations()).isEqualTo(isolations + 1);
    }

    // rule 4: lazy to-one association initialised in another session (with enhanced entities the private
    // instance may be Hibernate's own lazy instance, so isolations() is not checked here)
    @Test
    void lazyAssociationToARowWithPendingEditsLoadsAPrivateInstance() {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");

        Book viaChapter = inTx(em -> {
            Chapter chapter = em.find(Chapter.class, 1000L);
            Book book = (Book) Hibernate.unproxy(chapter.getBook());
            assertThat(book.getTitle()).isEqualTo("The Dispossessed");
            return book;
        });

        assertThat(viaChapter).isNotSameAs(held);
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(store().find(Book.class, 100L)).containsSame(held);
    }

    // rule 4: join fetch
    @Test
    void joinFetchOfARowWithPendingEditsFetchesAPrivateInstance() {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");

        Chapter chapter = inTx(em -> em.createQuery(
                "select c from Chapter c join fetch c.book where c.id = 1000", Chapter.class).getSingleResult());

        assertThat(chapter.getBook()).isNotSameAs(held);
        assertThat(chapter.getBook().getTitle()).isEqualTo("The Dispossessed");
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
    }

    // rule 4: StatelessSession read
    @Test
    void statelessReadOfARowWithPendingEditsGetsAPrivateInstance() {
        Book held = find(Book.class, 101L);
        held.setTitle("Edited while detached");
        Book read;
        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            read = stateless.get(Book.class, 101L);
        }
        assertThat(read).isNotSameAs(held);
        assertThat(read.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
    }

    // rule 4: second-level-cache hit and natural-id load of an unversioned entity; merge writes its edits
    @Test
    void cacheHitAndNaturalIdLoadOfAnEntityWithPendingEditsGetPrivateInstances() throws Exception {
        Genre held = find(Genre.class, 1);
        assertThat(emf.getCache().contains(Genre.class, 1)).isTrue();
        held.setLabel("Speculative fiction");

        Genre cached = find(Genre.class, 1);
        Genre byCode = inTx(em -> byNaturalId(em, Genre.class, "FIC"));

        assertThat(cached).isNotSameAs(held);
        assertThat(cached.getLabel()).isEqualTo("Fiction");
        assertThat(byCode).isNotSameAs(held);
        assertThat(byCode.getLabel()).isEqualTo("Fiction");
        assertThat(held.getLabel()).isEqualTo("Speculative fiction");

        run(em -> em.merge(held));
        assertThat(genreLabel(1)).isEqualTo("Speculative fiction");
        assertThat(find(Genre.class, 1)).isSameAs(held);
        assertThat(held.getLabel()).isEqualTo("Speculative fiction");
    }

    // rule 4 with the definition of pending edits: changes left in an owner session closed without flushing
    @Test
    void editsLeftInAClosedSessionWithoutFlushAreNotOverwrittenByTheNextLoad() {
        Book held;
        try (EntityManager owner = emf.createEntityManager()) {
            held = owner.find(Book.class, 102L);
            held.setTitle("Edited, never flushed");
        }
        Book loaded = find(Book.class, 102L);
        assertThat(loaded).isNotSameAs(held);
        assertThat(loaded.getTitle()).isEqualTo("Solaris");
        assertThat(held.getTitle()).isEqualTo("Edited, never flushed");
    }

    // definition of pending edits: the state differs from the database state; an edit undone is no edit
    @Test
    void anEditUndoneBeforeTheNextLoadLeavesNoPendingEdits() {
        Book held = find(Book.class, 100L);
        held.setTitle("Briefly edited");
        held.setTitle("The Dispossessed");
        long isolations = store().statistics().isolations();
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
    }

    // rule 4: merge(C(k)) writes the edits; afterwards C(k) holds the committed state and is handed out again
    @Test
    void mergeOfTheCanonicalInstanceWritesItsEditsAndItIsHandedOutAgain() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        assertThat(find(Book.class, 100L)).isNotSameAs(held);

        run(em -> em.merge(held));

        assertThat(bookRow(100L)).isEqualTo(new BookRow("Edited while detached", 1));
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(held.getVersion()).isEqualTo(1);
        long isolations = store().statistics().isolations();
        Book again = find(Book.class, 100L);
        assertThat(again).isSameAs(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 4: what commits is what C(k) holds, including changes made to the merged copy in the same transaction
    @Test
    void changesToTheMergedCopyInTheSameTransactionAlsoReachTheCanonicalInstance() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        run(em -> {
            Book managed = em.merge(held);
            managed.setTitle("Edited again after merge");
        });
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Edited again after merge", 1));
        assertThat(held.getTitle()).isEqualTo("Edited again after merge");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 4 (where silent: merge does not change its argument, so a failed merge loses no edits) and rule 6
    @Test
    void aMergeThatRollsBackKeepsTheEditsForALaterMerge() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Edited while detached");
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.merge(held);
            em.flush();
            em.getTransaction().rollback();
        }
        assertThat(bookRow(100L)).isEqualTo(new BookRow("The Dispossessed", 0));
        assertThat(held.getTitle()).isEqualTo("Edited while detached");
        assertThat(held.getVersion()).isZero();
        assertThat(find(Book.class, 100L)).isNotSameAs(held);

        run(em -> em.merge(held));
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Edited while detached", 1));
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rules 4 and 5: a pending edit made stale by a commit elsewhere stays as it was; merging it fails as in Hibernate
    @Test
    void mergeOfPendingEditsMadeStaleByAnotherCommitFailsOptimisticallyAndKeepsThem() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Mine");
        run(em -> {
            Book isolated = em.find(Book.class, 100L);
            assertThat(isolated).isNotSameAs(held);
            isolated.setTitle("Theirs");
        });
        assertThat(held.getTitle()).isEqualTo("Mine");
        assertThat(held.getVersion()).isZero();

        assertThatThrownBy(() -> run(em -> em.merge(held)))
                .satisfies(e -> assertThat(causedBy(e, OptimisticLockException.class)).as("%s", e).isTrue());
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Theirs", 1));
        assertThat(held.getTitle()).isEqualTo("Mine");
        assertThat(held.getVersion()).isZero();
    }

    // rule 4 with rule 1: merge of a copy (a new object with the row's id) while C(k) has no pending edits
    @Test
    void mergeOfANewObjectWithTheSameIdWritesItAndTheCanonicalInstanceHoldsTheCommittedState() throws Exception {
        Book held = find(Book.class, 100L);
        Book copy = new Book(100L, "Merged from a copy", 387, null, held.getGenre());
        run(em -> em.merge(copy));
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Merged from a copy", 1));
        assertThat(held.getTitle()).isEqualTo("Merged from a copy");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 4 with rule 5: merge of a detached private instance
    @Test
    void mergeOfADetachedPrivateInstanceWritesItAndTheCanonicalInstanceHoldsTheCommittedState() throws Exception {
        Book held = find(Book.class, 101L);
        Book isolated = privateBook(101L);
        assertThat(isolated).isNotSameAs(held);
        isolated.setTitle("Merged from a private instance");
        run(em -> em.merge(isolated));
        assertThat(bookRow(101L)).isEqualTo(new BookRow("Merged from a private instance", 1));
        assertThat(held.getTitle()).isEqualTo("Merged from a private instance");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 101L)).isSameAs(held);
    }
}
