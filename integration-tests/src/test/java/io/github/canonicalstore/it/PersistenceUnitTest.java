package io.github.canonicalstore.it;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Car;
import io.github.canonicalstore.it.model.Chapter;
import io.github.canonicalstore.it.model.Circle;
import io.github.canonicalstore.it.model.Edition;
import io.github.canonicalstore.it.model.EditionId;
import io.github.canonicalstore.it.model.Genre;
import io.github.canonicalstore.it.model.Memo;
import io.github.canonicalstore.it.model.Person;
import io.github.canonicalstore.it.model.Review;
import io.github.canonicalstore.it.model.Tag;
import io.github.canonicalstore.it.model.Vehicle;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A real EntityManagerFactory per test class, bootstrapped from a unit of {@code META-INF/persistence.xml} on the
 * database under test ({@link Db}); the model's rows are re-seeded and the store emptied before every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PersistenceUnitTest {
    protected final Db db = Db.current();
    protected EntityManagerFactory emf;

    /** @return the persistence unit this class tests */
    protected String unit() {
        return "store";
    }

    /** @return settings added to the unit's own, besides the connection; none by default */
    protected Map<String, Object> extraSettings() {
        return Map.of();
    }

    @BeforeAll
    void openFactory() {
        db.assumeReachable();
        Map<String, Object> properties = db.connectionProperties();
        properties.putAll(extraSettings());
        emf = Persistence.createEntityManagerFactory(unit(), properties);
    }

    @AfterAll
    void closeFactory() {
        if (emf != null) {
            emf.close();
        }
    }

    @BeforeEach
    void reseed() {
        run(em -> {
            for (String entity : new String[] {"Chapter", "Book", "Review", "Edition", "Person", "Genre", "Car",
                    "Vehicle", "Circle", "Memo", "Tag"}) {
                em.createQuery("delete from " + entity).executeUpdate();
            }
        });
        run(em -> {
            Genre fiction = new Genre(1, "FIC", "Fiction");
            Genre poetry = new Genre(2, "POE", "Poetry");
            em.persist(fiction);
            em.persist(poetry);
            Author ursula = new Author(1L, "Ursula", "US");
            Author stanislaw = new Author(2L, "Stanislaw", "PL");
            Author wislawa = new Author(3L, "Wislawa", "PL");
            em.persist(ursula);
            em.persist(stanislaw);
            em.persist(wislawa);
            em.persist(new Person(10L, "Reader"));
            Book dispossessed = new Book(100L, "The Dispossessed", 387, ursula, fiction);
            Book earthsea = new Book(101L, "A Wizard of Earthsea", 183, ursula, fiction);
            Book solaris = new Book(102L, "Solaris", 204, stanislaw, fiction);
            Book cyberiad = new Book(103L, "The Cyberiad", 295, stanislaw, fiction);
            Book view = new Book(104L, "View with a Grain of Sand", 214, wislawa, poetry);
            for (Book book : new Book[] {dispossessed, earthsea, solaris, cyberiad, view}) {
                em.persist(book);
            }
            em.persist(new Chapter(1000L, dispossessed, 1, "Anarres"));
            em.persist(new Chapter(1001L, dispossessed, 2, "Urras"));
            em.persist(new Chapter(1020L, solaris, 1, "The Arrival"));
            em.persist(new Vehicle(1L, "V-1"));
            em.persist(new Car(2L, "C-2", 5));
            em.persist(new Circle(1L, "red", 2.5));
            em.persist(new Edition(new EditionId(100L, 1), "Harper"));
            em.persist(new Edition(new EditionId(100L, 2), "Gollancz"));
            em.persist(new Review(100L, "kim", 5));
            em.persist(new Memo(1L, "private"));
            em.persist(new Tag(1L, "classic"));
        });
        emf.getCache().evictAll();
        if (isStoreEnabled()) {
            store().evictAll();
        }
    }

    protected boolean isStoreEnabled() {
        return true;
    }

    protected CanonicalStore store() {
        return CanonicalStore.of(emf);
    }

    protected SessionFactory sessionFactory() {
        return emf.unwrap(SessionFactory.class);
    }

    /** Runs {@code work} in a new EntityManager and transaction, commits, closes, and returns its result. */
    protected <T> T inTx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Runs {@code work} in a new EntityManager and transaction, commits and closes. */
    protected void run(Consumer<EntityManager> work) {
        inTx(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * A load by simple natural id, through the API every supported Hibernate ORM line has ({@code KeyType.NATURAL}
     * exists from 7.3 on; {@code bySimpleNaturalId} is deprecated there but not gone).
     */
    @SuppressWarnings("deprecation")
    protected static <T> T byNaturalId(EntityManager em, Class<T> type, Object naturalId) {
        return em.unwrap(org.hibernate.Session.class).bySimpleNaturalId(type).load(naturalId);
    }

    protected <T> T find(Class<T> type, Object id) {
        return inTx(em -> em.find(type, id));
    }
}
