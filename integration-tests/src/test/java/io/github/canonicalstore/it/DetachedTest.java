package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    // rule 11 (which changed rule 9): a later load keeps the initialised collection, and its elements
    @Test
    void aLaterLoadKeepsTheInitialisedCollection() {
        Book book = inTx(em -> {
            Book b = em.find(Book.class, 100L);
            Hibernate.initialize(b.getChapters());
            return b;
        });
        List<Chapter> chapters = book.getChapters();
        Chapter first = chapters.get(0);
        assertThat(find(Book.class, 100L)).isSameAs(book);
        assertThat(book.getChapters()).isSameAs(chapters);
        assertThat(Hibernate.isInitialized(book.getChapters())).isTrue();
        assertThat(book.getChapters()).hasSize(2).first().isSameAs(first);
    }

    // rule 9: a collection that no session initialised throws, whichever session loaded the instance last
    @Test
    void aCollectionNoSessionInitialisedThrowsOnceDetached() {
        Book book = find(Book.class, 101L);
        assertThat(find(Book.class, 101L)).isSameAs(book);
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

    // rule 11: a session that takes over an initialised collection takes over its elements, lazy state included,
    // and can initialise that lazy state as it would had it loaded the elements itself
    @Test
    void aSessionThatFindsAnInitialisedCollectionCanInitialiseItsElementsLazyState() {
        Author author = inTx(em -> {
            Author a = em.find(Author.class, 1L);
            Hibernate.initialize(a.getBooks());
            return a;
        });
        Book first = author.getBooks().get(0);
        assertThat(Hibernate.isInitialized(first.getChapters())).isFalse();

        int chapters = inTx(em -> {
            Author again = em.find(Author.class, 1L);
            int count = 0;
            for (Book book : again.getBooks()) {
                count += book.getChapters().size();
            }
            return count;
        });

        assertThat(chapters).isEqualTo(2);
        assertThat(author.getBooks().get(0)).isSameAs(first);
        assertThat(first.getChapters()).hasSize(2);
    }

    // rule 11: the same through an initialised reference: its target's proxies load in the session that took it over
    @Test
    void aSessionThatFindsAnInitialisedReferenceCanInitialiseItsTargetsLazyState() {
        Chapter chapter = inTx(em -> {
            Book book = em.find(Book.class, 102L);
            Hibernate.initialize(book.getChapters());
            return book.getChapters().get(0);
        });
        assertThat(Hibernate.isInitialized(chapter.getBook())).isTrue();
        assertThat(Hibernate.isInitialized(chapter.getBook().getAuthor())).isFalse();

        String author = inTx(em -> em.find(Chapter.class, chapter.getId()).getBook().getAuthor().getName());

        assertThat(author).isEqualTo("Stanislaw");
        assertThat(find(Chapter.class, chapter.getId())).isSameAs(chapter);
    }

    @Test
    void aReferenceAnotherOpenSessionHoldsIsReplacedByTheSessionsOwnWhenItTakesOverTheInstance() throws Exception {
        // one session loads a chapter with its book, and both of Ursula's books: the books share one author proxy
        Object[] graph = inTx(em -> new Object[] {
                em.createQuery("select c from Chapter c join fetch c.book where c.id = 1000", Chapter.class)
                        .getSingleResult(),
                em.createQuery("select b from Book b where b.id = 101", Book.class).getSingleResult()});
        Chapter chapter = (Chapter) graph[0];
        Book earthsea = (Book) graph[1];
        assertThat(Hibernate.isInitialized(chapter.getBook().getAuthor())).isFalse();
        assertThat(chapter.getBook().getAuthor()).isSameAs(earthsea.getAuthor());

        EntityManager holder = emf.createEntityManager(); // takes over Earthsea and binds the author proxy to itself
        try {
            assertThat(holder.find(Book.class, 101L)).isSameAs(earthsea);

            // another thread's session reaches The Dispossessed through the chapter, while the holder stays open
            String author = CompletableFuture.supplyAsync(() -> inTx(em ->
                    Hibernate.unproxy(em.find(Chapter.class, 1000L).getBook().getAuthor(), Author.class).getName()))
                    .get(30, TimeUnit.SECONDS);

            assertThat(author).isEqualTo("Ursula");
        } finally {
            holder.close();
        }
    }
}
