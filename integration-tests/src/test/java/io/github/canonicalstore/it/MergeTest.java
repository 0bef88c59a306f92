package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import org.junit.jupiter.api.Test;

/**
 * Merging a detached canonical instance: Hibernate loads the row to copy the instance onto, and that copy must not
 * be the canonical instance itself, or the edits being merged would be overwritten by the load.
 */
class MergeTest extends PersistenceUnitTest {

    @Test
    void mergeOfTheDetachedCanonicalInstanceWritesItsEdits() {
        Book book = find(Book.class, 100L);
        book.setTitle("Edited while detached");
        Book managed = inTx(em -> em.merge(book));
        assertThat(managed).isNotSameAs(book);
        assertThat(book.getTitle()).isEqualTo("Edited while detached");
        Book reloaded = inTx(em -> em.createQuery("from Book where id = 100", Book.class).getSingleResult());
        assertThat(reloaded.getTitle()).isEqualTo("Edited while detached");
    }
}
