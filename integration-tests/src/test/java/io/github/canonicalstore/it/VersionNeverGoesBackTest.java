package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Person;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 2's last sentence, with rules 5 and 6: a canonical instance's {@code @Version} never goes
 * backwards. The sessions of this class read from a transaction snapshot (REPEATABLE READ on PostgreSQL and
 * MariaDB; on H2, whose REPEATABLE READ does not snapshot rows not yet read, SERIALIZABLE), so that a load can
 * read a row older than what the canonical instance already holds.
 */
class VersionNeverGoesBackTest extends StoreTestSupport {

    @Override
    protected Map<String, Object> extraSettings() {
        return Map.of("hibernate.connection.isolation", db == Db.H2 ? "SERIALIZABLE" : "REPEATABLE_READ");
    }

    // rule 2: a load from an older snapshot does not take the canonical instance back to an older version
    @Test
    void aLoadFromAnOlderSnapshotDoesNotOverwriteANewerVersion() throws Exception {
        Book held = find(Book.class, 100L);
        try (EntityManager reader = emf.createEntityManager()) {
            reader.getTransaction().begin();
            // the first read fixes the reader's snapshot
            assertThat(reader.find(Person.class, 10L).getName()).isEqualTo("Reader");

            run(em -> em.find(Book.class, 100L).setTitle("Newer"));
            assertThat(held.getVersion()).isEqualTo(1);

            Book old = reader.find(Book.class, 100L);
            assertThat(old.getTitle()).as("the reader's snapshot").isEqualTo("The Dispossessed");
            assertThat(old.getVersion()).isZero();
            assertThat(old).isNotSameAs(held);
            assertThat(held.getTitle()).isEqualTo("Newer");
            assertThat(held.getVersion()).isEqualTo(1);
            reader.getTransaction().commit();
        }
        assertThat(held.getTitle()).isEqualTo("Newer");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 2 with rule 5: the newer version came from a commit through a private instance
    @Test
    void aQueryFromAnOlderSnapshotDoesNotUndoAPropagatedCommit() throws Exception {
        Book held = find(Book.class, 101L);
        try (EntityManager reader = emf.createEntityManager()) {
            reader.getTransaction().begin();
            reader.find(Person.class, 10L);

            commitThroughPrivateInstance(101L, book -> book.setTitle("Propagated"));
            assertThat(held.getVersion()).isEqualTo(1);

            List<Book> books = reader.createQuery("from Book b where b.id in (100, 101) order by b.id", Book.class)
                    .getResultList();
            assertThat(books.get(1).getVersion()).isZero();
            assertThat(held.getTitle()).isEqualTo("Propagated");
            assertThat(held.getVersion()).isEqualTo(1);
            reader.getTransaction().rollback();
        }
        assertThat(held.getTitle()).isEqualTo("Propagated");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rules 2 and 6: repeated flush-and-rollback cycles never leave an uncommitted version in the instance
    @Test
    void versionsSeenByHoldersOnlyEverIncrease() throws Exception {
        Book held = find(Book.class, 102L);
        int last = held.getVersion();
        for (int i = 0; i < 6; i++) {
            boolean commit = i % 2 == 0;
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                em.find(Book.class, 102L).setTitle("Round " + i);
                em.flush();
                if (commit) {
                    em.getTransaction().commit();
                } else {
                    em.getTransaction().rollback();
                }
            }
            assertThat(held.getVersion()).isGreaterThanOrEqualTo(last);
            assertThat(held.getVersion()).isEqualTo(bookRow(102L).version());
            assertThat(held.getTitle()).isEqualTo(bookRow(102L).title());
            last = held.getVersion();
        }
        assertThat(last).isEqualTo(3);
    }
}
