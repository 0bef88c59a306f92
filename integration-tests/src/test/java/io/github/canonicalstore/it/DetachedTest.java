package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 9: detached canonical instances behave as detached instances do in Hibernate. */
class DetachedTest extends PersistenceUnitTest {

    @Test
    void uninitialisedLazyCollectionThrowsWhenDetached() {
        Book book = find(Book.class, 100L);
        assertThatThrownBy(() -> book.getChapters().size()).isInstanceOf(LazyInitializationException.class);
    }

    @Test
    void initialisedCollectionHoldsCanonicalInstances() {
        Book book = inTx(em -> {
            Book b = em.find(Book.class, 100L);
            Hibernate.initialize(b.getChapters());
            return b;
        });
        assertThat(book.getChapters()).hasSize(2);
        Chapter first = book.getChapters().get(0);
        assertThat(find(Chapter.class, first.getId())).isSameAs(first);
    }

    @Test
    void aLaterLoadReplacesTheCollectionAsHibernateWould() {
        Book book = inTx(em -> {
            Book b = em.find(Book.class, 100L);
            Hibernate.initialize(b.getChapters());
            return b;
        });
        assertThat(find(Book.class, 100L)).isSameAs(book);
        // the later session did not initialise the chapters: like any detached instance, they are not loaded
        assertThat(Hibernate.isInitialized(book.getChapters())).isFalse();
        assertThatThrownBy(() -> book.getChapters().size()).isInstanceOf(LazyInitializationException.class);
    }

    @Test
    void uninitialisedLazyToOneThrowsWhenDetachedAndIsNeverCanonical() {
        Chapter chapter = find(Chapter.class, 1001L);
        Object book = chapter.getBook();
        assertThat(Hibernate.isInitialized(book)).isFalse();
        assertThatThrownBy(() -> Hibernate.initialize(book)).isInstanceOf(LazyInitializationException.class);
        if (book instanceof HibernateProxy) {
            assertThatThrownBy(() -> store().retain(book))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("uninitialised proxy");
        }
    }

    @Test
    void aProxyIsNeverTheCanonicalInstanceButItsTargetIs() {
        Author author = find(Author.class, 1L);
        Object proxy = inTx(em -> {
            Object reference = em.getReference(Author.class, 1L);
            Hibernate.initialize(reference);
            return reference;
        });
        if (proxy instanceof HibernateProxy) {
            assertThat(proxy).isNotSameAs(author);
        }
        assertThat(Hibernate.unproxy(proxy)).isSameAs(author);
        assertThat(store().find(Author.class, 1L)).containsSame(author);
    }
}
