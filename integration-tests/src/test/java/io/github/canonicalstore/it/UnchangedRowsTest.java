package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.type.Type;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rules 2 and 11 with {@code hibernate.canonical_store.unchanged_rows}: by default a versioned row that carries the
 * canonical instance's {@code @Version} is handed out without being hydrated; with {@code compare} every row is
 * hydrated and compared.
 */
class UnchangedRowsTest {
    private static final String SELECT_BOOKS = "from Book b order by b.id";
    /**
     * Whether this run hands out unchanged versioned rows without hydrating them: on Hibernate 7.4, for entities not
     * enhanced for laziness. Otherwise every row is hydrated and compared, as with {@code compare}.
     */
    private static final boolean BY_VERSION =
            org.hibernate.Version.getVersionString().startsWith("7.4.") && !Db.enhanced();

    /** Counts the Book rows Hibernate hydrates (it calls {@code onLoad} with every hydrated row's state). */
    static final class HydratedRows implements Interceptor {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean onLoad(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            if (entity instanceof Book) {
                count.incrementAndGet();
            }
            return false;
        }

        int count() {
            return count.get();
        }
    }

    @Nested
    class ByVersion extends StoreTestSupport {
        private final HydratedRows hydrated = new HydratedRows();

        @Override
        protected Map<String, Object> extraSettings() {
            return Map.of("hibernate.session_factory.interceptor", hydrated);
        }

        @Test
        void aWarmQueryHandsOutUnchangedRowsWithoutHydratingThem() {
            List<Book> held = inTx(em -> em.createQuery(SELECT_BOOKS, Book.class).getResultList());
            int before = hydrated.count();
            List<Book> again = inTx(em -> em.createQuery(SELECT_BOOKS, Book.class).getResultList());
            assertThat(again).hasSameSizeAs(held).isNotEmpty();
            for (int i = 0; i < held.size(); i++) {
                assertThat(again.get(i)).isSameAs(held.get(i));
            }
            assertThat(hydrated.count()).isEqualTo(BY_VERSION ? before : before + held.size());
        }

        @Test
        void aRowWithAnotherVersionIsHydratedIntoTheCanonicalInstance() throws Exception {
            Book held = find(Book.class, 100L);
            updateBehindHibernatesBack("update it_book set title = 'Changed', version = version + 1 where id = 100");
            int before = hydrated.count();
            assertThat(find(Book.class, 100L)).isSameAs(held);
            assertThat(hydrated.count()).isEqualTo(before + 1);
            assertThat(held.getTitle()).isEqualTo("Changed");
            assertThat(held.getVersion()).isEqualTo(1);
        }

        @Test
        void aChangeThatKeepsTheVersionIsSeenAfterARefresh() throws Exception {
            Book held = find(Book.class, 101L);
            String title = held.getTitle();
            updateBehindHibernatesBack("update it_book set title = 'Unversioned change' where id = 101");
            assertThat(find(Book.class, 101L)).isSameAs(held);
            assertThat(held.getTitle()).isEqualTo(BY_VERSION ? title : "Unversioned change");
            run(em -> {
                Book managed = em.find(Book.class, 101L);
                assertThat(managed).isSameAs(held);
                em.refresh(managed);
            });
            assertThat(held.getTitle()).isEqualTo("Unversioned change");
        }

        @Test
        void anInstanceHandedOutAsItIsIsManagedAndFlushesEdits() throws Exception {
            Book held = find(Book.class, 102L);
            run(em -> {
                Book managed = em.find(Book.class, 102L);
                assertThat(managed).isSameAs(held);
                assertThat(em.contains(managed)).isTrue();
                managed.setTitle("Edited after a warm load");
            });
            assertThat(bookRow(102L)).isEqualTo(new BookRow("Edited after a warm load", 1));
            assertThat(held.getVersion()).isEqualTo(1);
            assertThat(find(Book.class, 102L)).isSameAs(held);
        }

        @Test
        void anUntouchedInstanceHandedOutAsItIsWritesNothing() throws Exception {
            List<Book> held = inTx(em -> em.createQuery(SELECT_BOOKS, Book.class).getResultList());
            run(em -> assertThat(em.createQuery(SELECT_BOOKS, Book.class).getResultList()).hasSameSizeAs(held));
            for (Book book : held) {
                assertThat(bookRow(book.getId()).version()).isZero();
            }
        }

        @Test
        void aReadOnlyQueryHandsOutReadOnlyInstances() throws Exception {
            Book held = find(Book.class, 100L);
            run(em -> {
                List<Book> books = em.createQuery(SELECT_BOOKS, Book.class)
                        .setHint("org.hibernate.readOnly", true).getResultList();
                assertThat(books).contains(held);
                assertThat(em.unwrap(Session.class).isReadOnly(held)).isTrue();
                held.setTitle("Never written");
            });
            assertThat(bookRow(100L).title()).isNotEqualTo("Never written");
        }

        @Test
        void lazyStateOfAnInstanceHandedOutAsItIsLoadsThroughTheNewSession() {
            Book held = find(Book.class, 100L);
            int chapters = inTx(em -> {
                Book managed = em.find(Book.class, 100L);
                assertThat(managed).isSameAs(held);
                return managed.getChapters().size();
            });
            assertThat(chapters).isEqualTo(countChapters(100L));
            assertThat(held.getChapters()).hasSize(chapters);
        }

        @Test
        void aJoinFetchInitialisesTheCollectionOfAnInstanceHandedOutAsItIs() {
            Book held = find(Book.class, 100L);
            int before = hydrated.count();
            Book fetched = inTx(em -> em.createQuery("select b from Book b join fetch b.chapters where b.id = 100",
                    Book.class).getSingleResult());
            assertThat(fetched).isSameAs(held);
            assertThat(hydrated.count()).isEqualTo(BY_VERSION ? before : before + 1);
            assertThat(Hibernate.isInitialized(held.getChapters())).isTrue();
            assertThat(held.getChapters()).extracting(Chapter::getNumber).containsExactly(1, 2);
        }

        private int countChapters(long book) {
            return inTx(em -> em.createQuery("select count(c) from Chapter c where c.book.id = :id", Long.class)
                    .setParameter("id", book).getSingleResult()).intValue();
        }
    }

    @Nested
    class Compare extends StoreTestSupport {
        private final HydratedRows hydrated = new HydratedRows();

        @Override
        protected Map<String, Object> extraSettings() {
            return Map.of("hibernate.canonical_store.unchanged_rows", "compare",
                    "hibernate.session_factory.interceptor", hydrated);
        }

        @Test
        void everyRowIsHydratedAndAChangeThatKeepsTheVersionIsSeen() throws Exception {
            Book held = find(Book.class, 100L);
            updateBehindHibernatesBack("update it_book set title = 'Unversioned change' where id = 100");
            int before = hydrated.count();
            assertThat(find(Book.class, 100L)).isSameAs(held);
            assertThat(hydrated.count()).isEqualTo(before + 1);
            assertThat(held.getTitle()).isEqualTo("Unversioned change");
        }

        // rule 4: pending edits are told by comparing with the row's state, also when the version did not change
        @Test
        void anEditBackToAnOlderDatabaseStateIsAPendingEdit() throws Exception {
            Book held = find(Book.class, 100L);
            String firstTitle = held.getTitle();
            updateBehindHibernatesBack("update it_book set title = 'Changed in the database' where id = 100");
            assertThat(find(Book.class, 100L)).isSameAs(held);
            assertThat(held.getTitle()).isEqualTo("Changed in the database");

            held.setTitle(firstTitle); // the title of the first load, but no longer the database's
            Book loaded = find(Book.class, 100L);

            assertThat(loaded).isNotSameAs(held);
            assertThat(loaded.getTitle()).isEqualTo("Changed in the database");
            assertThat(held.getTitle()).isEqualTo(firstTitle);
        }
    }
}
