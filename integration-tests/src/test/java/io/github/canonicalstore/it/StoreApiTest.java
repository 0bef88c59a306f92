package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import io.github.canonicalstore.it.model.Edition;
import io.github.canonicalstore.it.model.EditionId;
import io.github.canonicalstore.it.model.Genre;
import io.github.canonicalstore.it.model.Memo;
import io.github.canonicalstore.it.model.Person;
import io.github.canonicalstore.it.model.Review;
import io.github.canonicalstore.it.model.ReviewId;
import io.github.canonicalstore.it.model.Tag;
import java.lang.ref.WeakReference;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;

/**
 * The public API of SEMANTICS: pins ({@code retain}/{@code release}, rule 7), {@code statistics().pins()},
 * {@code canonicalize} (Backbone.ModelFactory's constructor) and {@code evict}/{@code evictAll}.
 */
class StoreApiTest extends StoreTestSupport {

    // API: Netty-style counts; statistics().pins() sums them
    @Test
    void retainAndReleaseCountPinsAndStatisticsSumThem() {
        Book first = find(Book.class, 100L);
        Book second = find(Book.class, 101L);
        long pins = store().statistics().pins();

        assertThat(store().retain(first)).isEqualTo(1);
        assertThat(store().retain(first)).isEqualTo(2);
        assertThat(store().retain(second)).isEqualTo(1);
        assertThat(store().statistics().pins()).isEqualTo(pins + 3);

        assertThat(store().release(first)).isEqualTo(1);
        assertThat(store().release(second)).isZero();
        assertThat(store().statistics().pins()).isEqualTo(pins + 1);
        assertThat(store().release(first)).isZero();
        assertThat(store().statistics().pins()).isEqualTo(pins);
    }

    // API: release below zero is an IllegalStateException that says why
    @Test
    void releaseBelowZeroThrowsIllegalState() {
        Book book = find(Book.class, 100L);
        long pins = store().statistics().pins();
        store().retain(book);
        store().release(book);
        assertThatThrownBy(() -> store().release(book))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0");
        assertThat(store().statistics().pins()).isEqualTo(pins);
        // the failed release changed nothing: the count starts again from 0
        assertThat(store().retain(book)).isEqualTo(1);
        assertThat(store().release(book)).isZero();
    }

    // API: non-canonical arguments are IllegalArgumentExceptions that say why
    @Test
    void retainAndReleaseOfNonCanonicalArgumentsThrowIllegalArgument() {
        Book isolated = privateBook(100L);
        assertThatThrownBy(() -> store().retain(isolated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the canonical instance");
        assertThatThrownBy(() -> store().release(isolated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the canonical instance");
        assertThatThrownBy(() -> store().release("not an entity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> store().release(find(Tag.class, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("excluded");
        assertThatThrownBy(() -> store().retain(null)).isInstanceOf(NullPointerException.class);
    }

    // rule 7: a pinned instance survives garbage collection with no other reference; the unpinned one does not
    @Test
    void aPinnedInstanceOutlivesAnUnpinnedOneUntilReleased() {
        WeakReference<Book> pinned = loadAndPin(102L);
        WeakReference<Book> unpinned = new WeakReference<>(find(Book.class, 103L));

        // the collector has run (the unpinned one is gone), and the pinned one is still there
        awaitCollected(unpinned);
        assertThat(pinned.get()).isNotNull();
        assertThat(store().find(Book.class, 102L)).isPresent();
        assertThat(store().find(Book.class, 103L)).isEmpty();
        // a later load hands out the pinned instance
        assertThat(find(Book.class, 102L)).isSameAs(pinned.get());

        assertThat(store().release(pinned.get())).isZero();
        awaitCollected(pinned);
        assertThat(store().find(Book.class, 102L)).isEmpty();
    }

    private WeakReference<Book> loadAndPin(long id) {
        Book book = find(Book.class, id);
        assertThat(store().retain(book)).isEqualTo(1);
        return new WeakReference<>(book);
    }

    // API: canonicalize returns the live canonical instance when there is one
    @Test
    void canonicalizeReturnsTheLiveCanonicalInstance() {
        Book held = find(Book.class, 100L);
        Book copy = new Book(100L, "Another title", 1, null, null);
        assertThat(store().canonicalize(copy)).isSameAs(held);
        assertThat(store().find(Book.class, 100L)).containsSame(held);
        assertThat(held.getTitle()).isEqualTo("The Dispossessed");
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // API: with no live canonical instance, canonicalize adopts the argument; later loads hand it out
    @Test
    void canonicalizeAdoptsADetachedInstanceThatLaterLoadsHandOut() {
        Genre fiction = find(Genre.class, 1);
        Book adopted = new Book(100L, "The Dispossessed", 387, null, fiction);
        assertThat(store().find(Book.class, 100L)).isEmpty();

        assertThat(store().canonicalize(adopted)).isSameAs(adopted);
        assertThat(store().find(Book.class, 100L)).containsSame(adopted);

        assertThat(find(Book.class, 100L)).isSameAs(adopted);
        // the load wrote the row's state into it (rule 2)
        assertThat(adopted.getAuthor()).isNotNull();
        assertThat(adopted.getGenre()).isSameAs(fiction);
        List<Book> all = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        assertThat(all.get(0)).isSameAs(adopted);
        // and canonicalize now returns it for any other object of the row
        assertThat(store().canonicalize(new Book(100L, "x", 1, null, null))).isSameAs(adopted);
    }

    // API with rule 1's root-entity keys: an adopted subclass instance is found through its root
    @Test
    void canonicalizeKeysBySubclassAndRootAlike() {
        Author adopted = new Author(2L, "Stanislaw", "PL");
        assertThat(store().canonicalize(adopted)).isSameAs(adopted);
        assertThat(store().find(Person.class, 2L)).containsSame(adopted);
        assertThat(find(Person.class, 2L)).isSameAs(adopted);
        assertThat(store().canonicalize(new Person(2L, "someone"))).isSameAs(adopted);
    }

    // API: an initialised proxy stands for its target
    @Test
    void canonicalizeOfAnInitialisedProxyReturnsItsTarget() {
        Author author = find(Author.class, 1L);
        Object proxy = inTx(em -> {
            Object reference = em.getReference(Author.class, 1L);
            Hibernate.initialize(reference);
            return reference;
        });
        assertThat(store().canonicalize(proxy)).isSameAs(author);
    }

    // API: an uninitialised proxy is rejected
    @Test
    void canonicalizeOfAnUninitialisedProxyThrows() {
        Chapter chapter = find(Chapter.class, 1001L);
        Object book = chapter.getBook();
        if (book instanceof HibernateProxy) {
            assertThat(Hibernate.isInitialized(book)).isFalse();
            assertThatThrownBy(() -> store().canonicalize(book))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("uninitialised proxy");
        }
    }

    // API: canonicalize rejects what cannot be canonical, naming the value
    @Test
    void canonicalizeRejectsNonEntitiesEntitiesWithoutIdAndExcludedTypes() {
        assertThatThrownBy(() -> store().canonicalize("not an entity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> store().canonicalize(new Book(null, "No id yet", 1, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Book")
                .message().containsIgnoringCase("id");
        assertThatThrownBy(() -> store().canonicalize(new Tag(5L, "excluded by setting")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tag")
                .hasMessageContaining("excluded");
        assertThatThrownBy(() -> store().canonicalize(new Memo(5L, "excluded by annotation")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Memo")
                .hasMessageContaining("excluded");
        assertThatThrownBy(() -> store().canonicalize(null)).isInstanceOf(NullPointerException.class);
        assertThat(store().find(Book.class, 100L)).isEmpty();
    }

    // API: an adopted instance is held weakly like any other
    @Test
    void anAdoptedInstanceIsHeldWeakly() {
        WeakReference<Book> ref = adopt(new Book(101L, "A Wizard of Earthsea", 183, null, null));
        awaitCollected(ref);
        assertThat(store().find(Book.class, 101L)).isEmpty();
    }

    private WeakReference<Book> adopt(Book book) {
        assertThat(store().canonicalize(book)).isSameAs(book);
        return new WeakReference<>(book);
    }

    // API: a detached private instance of a row canonicalizes to the row's canonical instance
    @Test
    void canonicalizeOfADetachedPrivateInstanceReturnsTheCanonicalOne() {
        Book held = find(Book.class, 100L);
        Book isolated = privateBook(100L);
        assertThat(store().canonicalize(isolated)).isSameAs(held);
        assertThat(store().find(Book.class, 100L)).containsSame(held);
    }

    // API: evict and evictAll remove entries, whatever their pins, and leave the instances as they were
    @Test
    void evictAndEvictAllRemoveEntriesWhateverTheirPins() {
        Book first = find(Book.class, 100L);
        Book second = find(Book.class, 101L);
        long pins = store().statistics().pins();
        store().retain(first);

        assertThat(store().evict(Book.class, 100L)).isTrue();
        assertThat(store().evict(Book.class, 100L)).isFalse();
        assertThat(store().find(Book.class, 100L)).isEmpty();
        assertThat(first.getTitle()).isEqualTo("The Dispossessed");
        assertThatThrownBy(() -> store().release(first)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().statistics().pins()).isEqualTo(pins);
        Book reloaded = find(Book.class, 100L);
        assertThat(reloaded).isNotSameAs(first);
        assertThat(store().find(Book.class, 100L)).containsSame(reloaded);

        store().evictAll();
        assertThat(store().size()).isZero();
        assertThat(store().find(Book.class, 101L)).isEmpty();
        assertThat(find(Book.class, 101L)).isNotSameAs(second);
    }

    // API: evict by any class of the hierarchy
    @Test
    void evictBySuperclassRemovesTheSubclassInstance() {
        Author author = find(Author.class, 3L);
        assertThat(store().evict(Person.class, 3L)).isTrue();
        assertThat(store().find(Author.class, 3L)).isEmpty();
        assertThat(find(Author.class, 3L)).isNotSameAs(author);
    }

    // API (issue #9): an identifier of the wrong type is an IllegalArgumentException naming the value and the
    // expected type, for simple, embedded and @IdClass identifiers, in find and evict alike
    @Test
    void wrongIdentifierTypesAreIllegalArgumentsThatNameTheValueAndTheType() {
        record Case(Class<?> entity, Object id, String expectedType) {
        }
        for (Case c : List.of(new Case(Edition.class, "not an EditionId", EditionId.class.getName()),
                new Case(Edition.class, 100L, EditionId.class.getName()),
                new Case(Review.class, "not a ReviewId", ReviewId.class.getName()),
                new Case(Book.class, "one hundred", Long.class.getName()))) {
            assertThatThrownBy(() -> store().find(c.entity(), c.id()))
                    .as("find(%s, %s)", c.entity().getSimpleName(), c.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(c.id()))
                    .hasMessageContaining(c.expectedType());
            assertThatThrownBy(() -> store().evict(c.entity(), c.id()))
                    .as("evict(%s, %s)", c.entity().getSimpleName(), c.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(c.id()))
                    .hasMessageContaining(c.expectedType());
        }
        Edition edition = find(Edition.class, new EditionId(100L, 1));
        assertThat(store().find(Edition.class, new EditionId(100L, 1))).containsSame(edition);
        Review review = find(Review.class, new ReviewId(100L, "kim"));
        assertThat(store().find(Review.class, new ReviewId(100L, "kim"))).containsSame(review);
    }
}
