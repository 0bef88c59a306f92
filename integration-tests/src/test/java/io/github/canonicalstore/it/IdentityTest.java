package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Car;
import io.github.canonicalstore.it.model.Chapter;
import io.github.canonicalstore.it.model.Circle;
import io.github.canonicalstore.it.model.Edition;
import io.github.canonicalstore.it.model.EditionId;
import io.github.canonicalstore.it.model.Genre;
import io.github.canonicalstore.it.model.Person;
import io.github.canonicalstore.it.model.Review;
import io.github.canonicalstore.it.model.ReviewId;
import io.github.canonicalstore.it.model.Shape;
import io.github.canonicalstore.it.model.Vehicle;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 1: every load path of a session hands out the live canonical instance. */
class IdentityTest extends PersistenceUnitTest {

    @Test
    void findInTwoSessionsReturnsOneInstance() {
        Book first = find(Book.class, 100L);
        Book second = find(Book.class, 100L);
        assertThat(second).isSameAs(first);
        assertThat(store().find(Book.class, 100L)).containsSame(first);
    }

    @Test
    void findCoercesTheIdTypeLikeHibernate() {
        Book book = find(Book.class, 100L);
        assertThat(find(Book.class, 100)).isSameAs(book);
        assertThat(store().find(Book.class, 100)).containsSame(book);
    }

    @Test
    void queriesOfDifferentSessionsShareInstances() {
        List<Book> first = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        List<Book> second = inTx(em -> em.createQuery("from Book b where b.pages > 0 order by b.id", Book.class)
                .getResultList());
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(find(Book.class, first.get(0).getId())).isSameAs(first.get(0));
    }

    @Test
    void criteriaQueryHandsOutTheCanonicalInstance() {
        Book book = find(Book.class, 102L);
        Book viaCriteria = inTx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Book> query = cb.createQuery(Book.class);
            Root<Book> root = query.from(Book.class);
            query.where(cb.equal(root.get("title"), "Solaris"));
            return em.createQuery(query).getSingleResult();
        });
        assertThat(viaCriteria).isSameAs(book);
    }

    @Test
    void nativeQueryWithEntityResultHandsOutTheCanonicalInstance() {
        Genre genre = find(Genre.class, 1);
        Genre viaSql = inTx(em -> (Genre) em.createNativeQuery("select * from it_genre where id = 1", Genre.class)
                .getSingleResult());
        assertThat(viaSql).isSameAs(genre);
    }

    @Test
    void joinFetchHandsOutCanonicalInstancesForFetchedAssociations() {
        Author author = find(Author.class, 1L);
        Book book = inTx(em -> em.createQuery("from Book b join fetch b.author where b.id = 100", Book.class)
                .getSingleResult());
        assertThat(book.getAuthor()).isSameAs(author);
    }

    @Test
    void eagerAssociationHoldsTheCanonicalInstance() {
        Genre genre = find(Genre.class, 1);
        Book book = find(Book.class, 101L);
        assertThat(book.getGenre()).isSameAs(genre);
    }

    @Test
    void initialisedLazyToOneUnproxiesToTheCanonicalInstance() {
        Book book = find(Book.class, 100L);
        Chapter chapter = inTx(em -> {
            Chapter c = em.find(Chapter.class, 1000L);
            Hibernate.initialize(c.getBook());
            return c;
        });
        assertThat(Hibernate.unproxy(chapter.getBook())).isSameAs(book);
        Author author = inTx(em -> {
            Book b = em.find(Book.class, 100L);
            Hibernate.initialize(b.getAuthor());
            return b.getAuthor();
        });
        assertThat(Hibernate.unproxy(author)).isSameAs(find(Author.class, 1L));
    }

    @Test
    void lazyCollectionElementsAreCanonical() {
        Chapter chapter = find(Chapter.class, 1001L);
        List<Chapter> chapters = inTx(em -> {
            Book b = em.find(Book.class, 100L);
            Hibernate.initialize(b.getChapters());
            return b.getChapters();
        });
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(1)).isSameAs(chapter);
    }

    @Test
    void batchFetchedProxiesInitialiseToCanonicalInstances() {
        List<Book> books = inTx(em -> em.createQuery("from Book b order by b.id", Book.class).getResultList());
        List<Author> authors = inTx(em -> {
            List<Book> reloaded = em.createQuery("from Book b order by b.id", Book.class).getResultList();
            // Person has @BatchSize: initialising the proxies batch-loads the authors
            reloaded.forEach(b -> Hibernate.initialize(b.getAuthor()));
            return reloaded.stream().map(b -> (Author) Hibernate.unproxy(b.getAuthor())).toList();
        });
        assertThat(authors.get(0)).isSameAs(find(Author.class, 1L));
        assertThat(authors.get(2)).isSameAs(find(Author.class, 2L));
        assertThat(books.get(0)).isSameAs(find(Book.class, 100L));
    }

    @Test
    void naturalIdLoadHandsOutTheCanonicalInstance() {
        Genre genre = find(Genre.class, 2);
        Genre byCode = inTx(em -> byNaturalId(em, Genre.class, "POE"));
        assertThat(byCode).isSameAs(genre);
    }

    @Test
    void secondLevelCacheHitHandsOutTheCanonicalInstance() {
        Genre genre = find(Genre.class, 1);
        assertThat(emf.getCache().contains(Genre.class, 1)).isTrue();
        long hitsBefore = sessionFactory().getStatistics().getSecondLevelCacheHitCount();
        Genre cached = find(Genre.class, 1);
        assertThat(cached).isSameAs(genre);
        assertThat(store().statistics().hits()).isGreaterThanOrEqualTo(1);
        // statistics are off unless enabled; when on, the second find was a cache hit
        if (sessionFactory().getStatistics().isStatisticsEnabled()) {
            assertThat(sessionFactory().getStatistics().getSecondLevelCacheHitCount()).isGreaterThan(hitsBefore);
        }
    }

    @Test
    void statelessSessionReadsHandOutTheCanonicalInstance() {
        Book book = find(Book.class, 103L);
        // Hibernate 7.2 and 7.3 clear a StatelessSession's temporary persistence context when a query's eager
        // association is a second-level-cache hit, in the middle of the query (fixed in 7.4, with or without the
        // store): keep the eager genre out of the cache here
        emf.getCache().evict(Genre.class);
        Book viaGet;
        List<Book> viaQuery;
        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            viaGet = stateless.get(Book.class, 103L);
            viaQuery = stateless.createSelectionQuery("from Book where id = 103", Book.class).getResultList();
        }
        assertThat(viaGet).isSameAs(book);
        assertThat(viaQuery).singleElement().isSameAs(book);
        assertThat(find(Book.class, 103L)).isSameAs(book);
    }

    @Test
    void subclassAndRootShareOneInstancePerRow() {
        Author viaSubclass = find(Author.class, 2L);
        Person viaRoot = find(Person.class, 2L);
        assertThat(viaRoot).isSameAs(viaSubclass);
        List<Person> everyone = inTx(em -> em.createQuery("from Person p order by p.id", Person.class)
                .getResultList());
        assertThat(everyone.get(1)).isSameAs(viaSubclass);
        assertThat(store().find(Person.class, 2L)).containsSame(viaSubclass);
        assertThat(store().find(Author.class, 2L)).containsSame(viaSubclass);
    }

    @Test
    void joinedAndUnionSubclassHierarchiesAreCanonical() {
        Car car = find(Car.class, 2L);
        assertThat(find(Vehicle.class, 2L)).isSameAs(car);
        Vehicle vehicle = find(Vehicle.class, 1L);
        Vehicle viaQuery = inTx(em -> em.createQuery("from Vehicle v where v.id = 1", Vehicle.class)
                .getSingleResult());
        assertThat(viaQuery).isSameAs(vehicle);
        Circle circle = find(Circle.class, 1L);
        assertThat(find(Shape.class, 1L)).isSameAs(circle);
    }

    @Test
    void embeddedIdsCompareByHibernatesIdTypeNotByEquals() {
        // EditionId does not override equals: two equal ids are different objects
        Edition edition = find(Edition.class, new EditionId(100L, 2));
        assertThat(find(Edition.class, new EditionId(100L, 2))).isSameAs(edition);
        List<Edition> all = inTx(em -> em.createQuery("from Edition e order by e.id.number", Edition.class)
                .getResultList());
        assertThat(all.get(1)).isSameAs(edition);
        assertThat(store().find(Edition.class, new EditionId(100L, 2))).containsSame(edition);
    }

    @Test
    void idClassIdsAreCanonical() {
        Review review = find(Review.class, new ReviewId(100L, "kim"));
        Review viaQuery = inTx(em -> em.createQuery("from Review", Review.class).getSingleResult());
        assertThat(viaQuery).isSameAs(review);
        assertThat(find(Review.class, new ReviewId(100L, "kim"))).isSameAs(review);
    }

    @Test
    void statisticsCountMissesAndHits() {
        long misses = store().statistics().misses();
        long hits = store().statistics().hits();
        Book first = find(Book.class, 104L); // its eager genre is loaded too
        assertThat(store().statistics().misses()).isEqualTo(misses + 2);
        Book again = find(Book.class, 104L);
        assertThat(store().statistics().hits()).isEqualTo(hits + 2);
        assertThat(again).isSameAs(first);
    }
}
