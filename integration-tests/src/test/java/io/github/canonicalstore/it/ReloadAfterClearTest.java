package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import io.github.canonicalstore.it.model.Genre;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Issue #9: a session that cleared (or detached) an instance and loaded its row again gets the same canonical
 * instance back (rule 1), managed: a new entity that references it is written with the reference, as plain
 * Hibernate writes a reference to the instance the session holds.
 */
class ReloadAfterClearTest extends StoreTestSupport {

    @Test
    void aNewEntityReferencingAnInstanceLoadedAgainAfterClearIsWrittenWithItsReference() throws Exception {
        run(em -> {
            Book book = em.find(Book.class, 104L);
            em.clear();
            assertThat(em.find(Book.class, 104L)).isSameAs(book);
            em.persist(new Chapter(1040L, book, 1, "Nothing Twice"));
        });
        assertThat(chapterBook(1040L)).isEqualTo(104L);
    }

    @Test
    void aNewEntityReferencingAnInstanceLoadedAgainAfterDetachIsWrittenWithItsReference() throws Exception {
        run(em -> {
            Book book = em.find(Book.class, 104L);
            em.detach(book);
            assertThat(em.find(Book.class, 104L)).isSameAs(book);
            em.persist(new Chapter(1041L, book, 2, "Cat in an Empty Apartment"));
        });
        assertThat(chapterBook(1041L)).isEqualTo(104L);
    }

    @Test
    void aNewEntityReferencingAnInstanceWhoseRowWasReferencedAfterClearIsWrittenWithItsReference()
            throws Exception {
        run(em -> {
            Book book = em.find(Book.class, 104L);
            em.clear();
            Book reference = em.getReference(Book.class, 104L);
            em.persist(new Chapter(1042L, book, 3, "Utopia"));
            em.unwrap(Session.class).flush();
            assertThat(reference).isNotNull();
        });
        assertThat(chapterBook(1042L)).isEqualTo(104L);
    }

    // the same with an unversioned entity (a hit is hydrated, not handed out as it is)
    @Test
    void aNewEntityReferencingAnUnversionedInstanceLoadedAgainAfterClearIsWrittenWithItsReference()
            throws Exception {
        run(em -> {
            Genre genre = em.find(Genre.class, 2);
            em.clear();
            assertThat(em.find(Genre.class, 2)).isSameAs(genre);
            em.persist(new Book(105L, "Here", 80, null, genre));
        });
        try (var connection = connect(); var select = connection.prepareStatement(
                "select genre_id from it_book where id = 105")) {
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    private Long chapterBook(long chapter) throws Exception {
        try (var connection = connect(); var select = connection.prepareStatement(
                "select book_id from it_chapter where id = ?")) {
            select.setLong(1, chapter);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).as("row it_chapter#%s exists", chapter).isTrue();
                long id = rows.getLong(1);
                return rows.wasNull() ? null : id;
            }
        }
    }
}
