package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
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
        updateBehindHibernatesBack("update it_book set pages = pages + 1000");
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
