package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 2: a load that hands out the canonical instance writes what it read into it. */
class FreshnessTest extends PersistenceUnitTest {

    @Test
    void laterFindWritesTheChangedRowIntoTheCanonicalInstance() throws Exception {
        Book book = find(Book.class, 100L);
        updateBehindHibernatesBack("update it_book set title = 'Changed', version = version + 1 where id = 100");
        Book again = find(Book.class, 100L);
        assertThat(again).isSameAs(book);
        assertThat(book.getTitle()).isEqualTo("Changed");
        assertThat(book.getVersion()).isEqualTo(1);
    }

    @Test
    void laterQueryRefreshesEveryCanonicalInstanceItReturns() throws Exception {
        List<Book> held = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        updateBehindHibernatesBack("update it_book set pages = pages + 1000, version = version + 1");
        inTx(em -> em.createQuery("from Book b", Book.class).getResultList());
        assertThat(held).allSatisfy(book -> assertThat(book.getPages()).isGreaterThan(1000));
    }

    @Test
    void bulkUpdateIsSeenByTheNextLoad() {
        Genre genre = find(Genre.class, 2);
        run(em -> em.createQuery("update Genre set label = 'Verse' where id = 2").executeUpdate());
        Genre again = find(Genre.class, 2);
        assertThat(again).isSameAs(genre);
        assertThat(genre.getLabel()).isEqualTo("Verse");
    }

    @Test
    void statelessReadRefreshesTheCanonicalInstance() throws Exception {
        Book book = find(Book.class, 101L);
        updateBehindHibernatesBack("update it_book set title = 'Earthsea', version = version + 1 where id = 101");
        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            assertThat(stateless.get(Book.class, 101L)).isSameAs(book);
        }
        assertThat(book.getTitle()).isEqualTo("Earthsea");
    }

    @Test
    void committedChangeThroughTheCanonicalInstanceIsWhatEveryHolderSees() {
        Book held = find(Book.class, 102L);
        run(em -> em.find(Book.class, 102L).setTitle("Solaris (2nd ed.)"));
        assertThat(held.getTitle()).isEqualTo("Solaris (2nd ed.)");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 102L)).isSameAs(held);
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 2 under read committed: a statement that began before a commit read the row as it was before it
    @Test
    void rowsReadBeforeACommitDoNotTakeTheCanonicalInstanceBackToAnOlderVersion() throws Exception {
        readAcross(100L, held -> run(em -> em.find(Book.class, 100L).setTitle("Newer")));
    }

    // the same when the newer version reached the canonical instance through a later load, not through a commit
    @Test
    void rowsReadBeforeACommitDoNotUndoANewerVersionThatALaterLoadBrought() throws Exception {
        readAcross(101L, held -> {
            try (EntityManager owner = emf.createEntityManager()) {
                assertThat(owner.find(Book.class, 101L)).isSameAs(held);
                // committed through a private instance while the owner holds the canonical one: a conflict
                run(em -> em.find(Book.class, 101L).setTitle("Newer"));
                assertThat(held.getVersion()).isZero();
            }
            assertThat(find(Book.class, 101L)).isSameAs(held); // this load brings version 1
        });
    }

    // the same when the newer version came from outside Hibernate, and a later load brought it
    @Test
    void rowsReadBeforeAnUpdateOutsideHibernateDoNotUndoTheNewerVersionALaterLoadBrought() throws Exception {
        readAcross(102L, held -> {
            updateBehindHibernatesBack("update it_book set title = 'Newer', version = version + 1 where id = 102");
            assertThat(find(Book.class, 102L)).isSameAs(held);
        });
    }

    /** What happens between a query's statement and the reading of its row: version 1 reaches {@code held}. */
    @FunctionalInterface
    private interface Meanwhile {
        void run(Book held) throws Exception;
    }

    /**
     * Loads book {@code id} (version 0), starts a scroll over it (its statement runs now, so its row is version 0),
     * runs {@code meanwhile}, and then reads the scrolled row: it must be a private instance with version 0, and
     * the canonical instance must keep version 1.
     */
    private void readAcross(long id, Meanwhile meanwhile) throws Exception {
        Book held = find(Book.class, id);
        try (Session reader = emf.createEntityManager().unwrap(Session.class);
                ScrollableResults<Book> rows = reader.createQuery("from Book b where b.id = :id", Book.class)
                        .setParameter("id", id).scroll()) {
            meanwhile.run(held);
            assertThat(held.getVersion()).isEqualTo(1);

            assertThat(rows.next()).isTrue();
            Book old = rows.get();

            assertThat(old.getVersion()).as("the row the query read").isZero();
            assertThat(old).isNotSameAs(held);
            assertThat(held.getTitle()).isEqualTo("Newer");
            assertThat(held.getVersion()).isEqualTo(1);
        }
        assertThat(find(Book.class, id)).isSameAs(held);
        assertThat(held.getVersion()).isEqualTo(1);
    }

    private void updateBehindHibernatesBack(String sql) throws Exception {
        // through the factory's own connection settings, outside any session
        String url = (String) emf.getProperties().get("jakarta.persistence.jdbc.url");
        try (Connection connection = db.connect(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
