package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 7: the store never keeps an unpinned instance alive; pins and owner sessions hold it. Each test
 * that depends on garbage collection asks for it and polls with a deadline.
 */
class MemoryTest extends PersistenceUnitTest {
    private static final Duration GC_DEADLINE = Duration.ofSeconds(20);

    @Test
    void anInstanceNobodyReferencesIsCollectedAndItsEntryReleased() {
        WeakReference<Book> ref = new WeakReference<>(find(Book.class, 100L));
        long releases = store().statistics().releases();
        awaitCollected(ref);
        assertThat(store().find(Book.class, 100L)).isEmpty();
        assertThat(store().size()).isZero();
        // the dead entry is removed by the next store operation that drains, or by cleanUp(), once the JVM has
        // enqueued its reference (it clears a reference before it enqueues it)
        await().atMost(GC_DEADLINE).until(() -> {
            store().cleanUp();
            return store().statistics().releases() > releases;
        });
    }

    @Test
    void aReloadAfterCollectionCreatesANewCanonicalInstance() {
        WeakReference<Book> ref = new WeakReference<>(find(Book.class, 101L));
        awaitCollected(ref);
        Book fresh = find(Book.class, 101L);
        assertThat(store().find(Book.class, 101L)).containsSame(fresh);
    }

    @Test
    void sizeCountsLiveEntriesOnly() {
        List<Book> held = inTx(em -> em.createQuery("from Book", Book.class).getResultList());
        assertThat(store().size()).isEqualTo(held.size() + 2); // the books and their two eager genres
        WeakReference<Book> dropped = new WeakReference<>(held.get(0));
        held = new java.util.ArrayList<>(held.subList(1, held.size()));
        awaitCollected(dropped);
        assertThat(store().size()).isEqualTo(held.size() + 2);
    }

    @Test
    void aPinnedInstanceSurvivesWithoutOtherReferencesUntilReleased() {
        Book book = find(Book.class, 102L);
        assertThat(store().retain(book)).isEqualTo(1);
        assertThat(store().retain(book)).isEqualTo(2);
        WeakReference<Book> ref = new WeakReference<>(book);
        book = null;
        awaitACollection();
        assertThat(ref.get()).as("pinned, after a collection that cleared an unpinned object").isNotNull();
        assertThat(store().find(Book.class, 102L)).isPresent();

        assertThat(store().release(ref.get())).isEqualTo(1);
        awaitACollection();
        assertThat(ref.get()).as("still pinned once, after a collection").isNotNull();
        assertThat(store().release(ref.get())).isZero();
        awaitCollected(ref);
    }

    @Test
    void releaseBelowZeroAndNonCanonicalArgumentsThrow() {
        Book book = find(Book.class, 103L);
        assertThatThrownBy(() -> store().release(book))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already 0");
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            owner.find(Book.class, 104L);
            Book isolated = other.find(Book.class, 104L);
            assertThatThrownBy(() -> store().retain(isolated))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not the canonical instance");
        }
        assertThatThrownBy(() -> store().retain("not an entity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> store().retain(new Book(999L, "transient", 1, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the canonical instance");
    }

    @Test
    void anOpenOwnerSessionHoldsTheInstanceStrongly() {
        WeakReference<Genre> ref = loadInSessionThatHoldsIt();
        awaitCollected(ref);
        assertThat(store().find(Genre.class, 1)).isEmpty();
    }

    /** Checks while the owner is open; returns once it is closed (its frame gone, so nothing else holds it). */
    private WeakReference<Genre> loadInSessionThatHoldsIt() {
        try (EntityManager owner = emf.createEntityManager()) {
            WeakReference<Genre> ref = new WeakReference<>(owner.find(Genre.class, 1));
            awaitACollection();
            assertThat(ref.get()).as("held by its open owner, after a collection").isNotNull();
            assertThat(store().find(Genre.class, 1)).containsSame(ref.get());
            return ref;
        }
    }

    @Test
    void evictRemovesTheEntryButNotTheInstance() {
        Book book = find(Book.class, 100L);
        assertThat(store().evict(Book.class, 100L)).isTrue();
        assertThat(store().evict(Book.class, 100L)).isFalse();
        assertThat(store().find(Book.class, 100L)).isEmpty();
        assertThat(book.getTitle()).isEqualTo("The Dispossessed");
        Book reloaded = find(Book.class, 100L);
        assertThat(reloaded).isNotSameAs(book);
        assertThat(store().find(Book.class, 100L)).containsSame(reloaded);
        store().evictAll();
        assertThat(store().size()).isZero();
    }

    /**
     * Waits until the garbage collector has cleared an object that nothing references: proof that a collection ran
     * since the call, after which an object that is still alive was kept alive by something.
     */
    private static void awaitACollection() {
        awaitCollected(new WeakReference<>(new Object()));
    }

    private static void awaitCollected(WeakReference<?> ref) {
        await().atMost(GC_DEADLINE).until(() -> {
            System.gc();
            return ref.get() == null;
        });
    }
}
