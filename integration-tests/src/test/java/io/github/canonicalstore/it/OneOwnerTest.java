package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Chapter;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 3 (isolate, the default): at most one open session manages the canonical instance. */
class OneOwnerTest extends PersistenceUnitTest {

    @Test
    void secondOpenSessionGetsAPrivateInstanceAndTheCanonicalOneIsUntouched() {
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            owner.getTransaction().begin();
            Book canonical = owner.find(Book.class, 100L);
            canonical.setTitle("edited in the owner session");

            long isolations = store().statistics().isolations();
            Book loadedElsewhere = other.find(Book.class, 100L);
            assertThat(loadedElsewhere).isNotSameAs(canonical);
            assertThat(loadedElsewhere.getTitle()).isEqualTo("The Dispossessed");
            assertThat(canonical.getTitle()).isEqualTo("edited in the owner session");
            // the book and its eager genre, both managed by the owner
            assertThat(store().statistics().isolations()).isEqualTo(isolations + 2);
            assertThat(store().find(Book.class, 100L)).containsSame(canonical);
            owner.getTransaction().commit();
        }
        assertThat(find(Book.class, 100L).getTitle()).isEqualTo("edited in the owner session");
    }

    @Test
    void queriesInASecondOpenSessionReturnPrivateInstances() {
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            List<Book> owned = owner.createQuery("from Book b order by b.id", Book.class).getResultList();
            List<Book> elsewhere = other.createQuery("from Book b order by b.id", Book.class).getResultList();
            for (int i = 0; i < owned.size(); i++) {
                assertThat(elsewhere.get(i)).isNotSameAs(owned.get(i));
                assertThat(elsewhere.get(i).getId()).isEqualTo(owned.get(i).getId());
            }
        }
    }

    @Test
    void closingTheOwnerFreesTheInstanceForTheNextSession() {
        Book canonical;
        try (EntityManager owner = emf.createEntityManager()) {
            canonical = owner.find(Book.class, 101L);
        }
        try (EntityManager next = emf.createEntityManager()) {
            assertThat(next.find(Book.class, 101L)).isSameAs(canonical);
        }
    }

    @Test
    void clearDetachAndEvictFreeTheInstanceWhileTheOwnerStaysOpen() {
        try (EntityManager owner = emf.createEntityManager()) {
            Book first = owner.find(Book.class, 100L);
            Book second = owner.find(Book.class, 101L);
            Book third = owner.find(Book.class, 102L);

            owner.detach(first);
            // its eager genre, which all three books share, is still the owner's (rule 11: the graph must be free)
            assertThat(find(Book.class, 100L)).isNotSameAs(first);
            owner.detach(first.getGenre());
            assertThat(find(Book.class, 100L)).isSameAs(first);

            owner.unwrap(Session.class).evict(second);
            assertThat(find(Book.class, 101L)).isSameAs(second);

            assertThat(find(Book.class, 102L)).isNotSameAs(third);
            owner.clear();
            assertThat(find(Book.class, 102L)).isSameAs(third);
        }
    }

    @Test
    void rollbackFreesTheInstance() {
        Book canonical = find(Book.class, 103L);
        try (EntityManager owner = emf.createEntityManager()) {
            owner.getTransaction().begin();
            assertThat(owner.find(Book.class, 103L)).isSameAs(canonical);
            owner.getTransaction().rollback();
            // JPA clears the persistence context on rollback: the instance is free again
            assertThat(find(Book.class, 103L)).isSameAs(canonical);
        }
    }

    @Test
    void theSameSessionLoadingAgainAfterEvictionGetsTheCanonicalInstanceBack() {
        try (EntityManager owner = emf.createEntityManager()) {
            Book first = owner.find(Book.class, 104L);
            owner.detach(first);
            assertThat(owner.find(Book.class, 104L)).isSameAs(first);
        }
    }

    @Test
    void statelessSessionDoesNotTakeAnInstanceAnOpenSessionManages() {
        try (EntityManager owner = emf.createEntityManager();
                StatelessSession stateless = sessionFactory().openStatelessSession()) {
            Book canonical = owner.find(Book.class, 100L);
            canonical.setTitle("unflushed edit");
            Book read = stateless.get(Book.class, 100L);
            assertThat(read).isNotSameAs(canonical);
            assertThat(canonical.getTitle()).isEqualTo("unflushed edit");
        }
    }

    @Test
    void lazyLoadsInASecondSessionAlsoRespectTheOwner() {
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            Book canonical = owner.find(Book.class, 100L);
            Chapter chapter = other.find(Chapter.class, 1000L);
            Object book = Hibernate.unproxy(chapter.getBook());
            assertThat(book).isNotSameAs(canonical);
            assertThat(((Book) book).getId()).isEqualTo(100L);
        }
    }
}
