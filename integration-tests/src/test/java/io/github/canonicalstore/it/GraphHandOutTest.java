package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, rules 3, 4 and 11: a load hands out a canonical instance only with a graph the loading session can
 * manage. When something its initialised associations reach is managed by another open session, has pending edits
 * or is not canonical, the session gets a private instance and loads the graph itself, as plain Hibernate would:
 * every instance it reaches is managed by the session, so its lazy state loads and its edits are flushed.
 */
class GraphHandOutTest extends StoreTestSupport {

    // the web sample's open-session-in-view failure: a request's page reached a row another request's session held
    @Test
    void aRowWhoseCollectionHoldsAnInstanceAnotherOpenSessionManagesIsLoadedPrivately() {
        Book held = bookWithChapters();
        try (EntityManager other = emf.createEntityManager()) {
            Chapter owned = other.find(Chapter.class, 1000L);
            assertThat(owned).isSameAs(held.getChapters().get(0));
            other.detach(owned.getBook()); // the session keeps the chapter and lets go of its book
            run(em -> {
                Book book = em.find(Book.class, 100L);
                assertThat(book).isNotSameAs(held);
                Chapter first = book.getChapters().get(0);
                assertThat(first).isNotSameAs(owned);
                assertThat(em.contains(first)).isTrue();
                first.setHeading("Anarres, revised");
            });
            assertThat(owned.getHeading()).isEqualTo("Anarres");
        }
        assertThat(chapterHeading(1000L)).isEqualTo("Anarres, revised");
        assertThat(find(Book.class, 100L)).as("shared again once the other session closed").isSameAs(held);
    }

    @Test
    void aRowWhoseGraphHoldsPendingEditsIsLoadedPrivatelyWithTheCommittedState() {
        Book held = bookWithChapters();
        Chapter draft = held.getChapters().get(0);
        draft.setHeading("Anarres (draft)");
        run(em -> {
            Book book = em.find(Book.class, 100L);
            assertThat(book).isNotSameAs(held);
            assertThat(book.getChapters()).extracting(Chapter::getHeading).containsExactly("Anarres", "Urras");
            assertThat(book.getChapters()).allMatch(em::contains);
            book.getChapters().get(1).setHeading("Urras, revised");
        });
        assertThat(chapterHeading(1001L)).isEqualTo("Urras, revised");
        assertThat(chapterHeading(1000L)).isEqualTo("Anarres");
        assertThat(draft.getHeading()).as("rule 4: the detached edit stays").isEqualTo("Anarres (draft)");
    }

    // a collection initialised while another session held one of its rows holds a private instance of that row
    @Test
    void aRowWhoseCollectionHoldsAPrivateInstanceIsLoadedPrivately() {
        Book held;
        try (EntityManager other = emf.createEntityManager()) {
            Chapter owned = other.find(Chapter.class, 1000L);
            held = bookWithChapters();
            assertThat(held.getChapters().get(0)).isNotSameAs(owned);
        }
        run(em -> {
            Book book = em.find(Book.class, 100L);
            assertThat(book).isNotSameAs(held);
            Chapter first = book.getChapters().get(0);
            assertThat(em.contains(first)).isTrue();
            first.setHeading("Anarres, revised");
        });
        assertThat(chapterHeading(1000L)).isEqualTo("Anarres, revised");
    }

    @Test
    void aRowWhoseGraphTheSessionCanManageIsSharedWithItsGraph() {
        Book held = bookWithChapters();
        run(em -> {
            Book book = em.find(Book.class, 100L);
            assertThat(book).isSameAs(held);
            assertThat(book.getChapters()).allMatch(em::contains);
        });
    }

    private String chapterHeading(long id) {
        return inTx(em -> (String) em.createNativeQuery("select heading from it_chapter where id = " + id)
                .getSingleResult());
    }
}
