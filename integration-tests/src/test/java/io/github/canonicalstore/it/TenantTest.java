package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.it.model.Ledger;
import io.github.canonicalstore.it.model.Note;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Entity keys include the tenant identifier: rows of different tenants with the same id are different instances. */
class TenantTest {

    /** {@code @TenantId} partitioning: one table with a tenant column. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Partitioned {
        private final Db db = Db.current();
        private EntityManagerFactory emf;
        private SessionFactory factory;

        @BeforeAll
        void open() {
            db.assumeReachable();
            emf = Persistence.createEntityManagerFactory("store-partitioned", db.connectionProperties());
            factory = emf.unwrap(SessionFactory.class);
            long id = 1;
            for (String tenant : new String[] {"acme", "globex"}) {
                try (Session session = factory.withOptions().tenantIdentifier((Object) tenant).openSession()) {
                    session.beginTransaction();
                    session.createMutationQuery("delete from Note").executeUpdate();
                    session.persist(new Note(id++, "note of " + tenant));
                    session.getTransaction().commit();
                }
            }
        }

        @AfterAll
        void close() {
            if (emf != null) {
                emf.close();
            }
        }

        private java.util.List<Note> load(String tenant) {
            try (Session session = factory.withOptions().tenantIdentifier((Object) tenant).openSession()) {
                return session.createSelectionQuery("from Note", Note.class).getResultList();
            }
        }

        @Test
        void eachTenantsRowsAreKeyedByTheirTenant() {
            Note acme = load("acme").get(0);
            Note globex = load("globex").get(0);
            assertThat(acme.getText()).isEqualTo("note of acme");
            assertThat(globex.getText()).isEqualTo("note of globex");
            assertThat(load("acme")).singleElement().isSameAs(acme);
            assertThat(load("globex")).singleElement().isSameAs(globex);
            CanonicalStore store = CanonicalStore.of(emf);
            assertThat(store.find("acme", Note.class, acme.getId())).containsSame(acme);
            assertThat(store.find("globex", Note.class, globex.getId())).containsSame(globex);
            assertThat(store.find("globex", Note.class, acme.getId())).isEmpty();
            assertThat(store.find(Note.class, acme.getId())).isEmpty();
            assertThat(store.retain(globex)).isEqualTo(1);
            assertThat(store.release(globex)).isZero();
        }
    }

    /** One schema (or database) per tenant, through a MultiTenantConnectionProvider. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SchemaPerTenant {
        private final Db db = Db.current();
        private EntityManagerFactory emf;
        private SessionFactory factory;

        @BeforeAll
        void open() throws Exception {
            db.assumeReachable();
            Map<String, Object> properties = db.connectionProperties();
            String url = (String) properties.get("it.url");
            SchemaPerTenantConnections.url = url;
            try (Connection connection = db.connect(url); Statement sql = connection.createStatement()) {
                for (String tenant : new String[] {"a", "b"}) {
                    String schema = SchemaPerTenantConnections.schema(tenant);
                    sql.execute(db == Db.MARIADB ? "create database if not exists " + schema
                            : "create schema if not exists " + schema);
                    sql.execute("drop table if exists " + schema + ".it_ledger");
                    sql.execute("create table " + schema + ".it_ledger (id bigint primary key, owner varchar(50))");
                    sql.execute("insert into " + schema + ".it_ledger values (1, 'owner " + tenant + "')");
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            emf = Persistence.createEntityManagerFactory("store-schema-tenants", properties);
            factory = emf.unwrap(SessionFactory.class);
        }

        @AfterAll
        void close() {
            if (emf != null) {
                emf.close();
            }
        }

        private Ledger load(String tenant) {
            try (Session session = factory.withOptions().tenantIdentifier((Object) tenant).openSession()) {
                return session.find(Ledger.class, 1L);
            }
        }

        @Test
        void sameIdInTwoSchemasIsTwoCanonicalInstances() {
            Ledger a = load("a");
            Ledger b = load("b");
            assertThat(a).isNotSameAs(b);
            assertThat(a.getOwner()).isEqualTo("owner a");
            assertThat(b.getOwner()).isEqualTo("owner b");
            assertThat(load("a")).isSameAs(a);
            CanonicalStore store = CanonicalStore.of(emf);
            assertThat(store.find("b", Ledger.class, 1L)).containsSame(b);
        }
    }
}
