package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.Test;

/**
 * A persistence unit on JTA transactions (as in a Jakarta EE server) opens sessions with the store on: the store's
 * hook around Hibernate's transaction coordinator builder passes on the services Hibernate gives it, the JTA
 * platform among them. No transaction manager runs here, so the sessions read outside a transaction.
 */
class JtaCoordinatorTest {
    private static final Map<Db, String> DIALECTS = Map.of(Db.H2, "org.hibernate.dialect.H2Dialect",
            Db.POSTGRESQL, "org.hibernate.dialect.PostgreSQLDialect",
            Db.MARIADB, "org.hibernate.dialect.MariaDBDialect");

    private final Db db = Db.current();

    @Test
    void sessionsOfAJtaUnitOpenAndShareInstances() {
        db.assumeReachable();
        Map<String, Object> properties = db.connectionProperties();
        // a resource-local unit makes the schema and the row, and keeps the (in-memory) database open
        EntityManagerFactory local = Persistence.createEntityManagerFactory("store-disabled", properties);
        try {
            try (EntityManager em = local.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Genre(1, "FIC", "Fiction"));
                em.getTransaction().commit();
            }
            Map<String, Object> jta = new HashMap<>(properties);
            jta.put("hibernate.transaction.coordinator_class", "jta");
            // without a transaction manager, Hibernate can neither read JDBC metadata nor run DDL through JTA
            jta.put("jakarta.persistence.schema-generation.database.action", "none");
            jta.put("hibernate.boot.allow_jdbc_metadata_access", "false");
            jta.put("hibernate.dialect", DIALECTS.get(db));
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("store", jta);
            try {
                Object first = readGenre(emf);
                Object second = readGenre(emf);

                assertThat(second).isSameAs(first);
                assertThat(CanonicalStore.of(emf).statistics().hits()).isPositive();
            } finally {
                emf.close();
            }
        } finally {
            local.close();
        }
    }

    private static Object readGenre(EntityManagerFactory emf) {
        try (EntityManager em = emf.createEntityManager()) {
            assertThat(em.unwrap(SessionImplementor.class).getTransactionCoordinator().getTransactionCoordinatorBuilder().isJta())
                    .isTrue();
            Genre genre = em.find(Genre.class, 1);
            assertThat(genre).isNotNull();
            return genre;
        }
    }
}
