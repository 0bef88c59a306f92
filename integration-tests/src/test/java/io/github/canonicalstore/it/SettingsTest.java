package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Memo;
import io.github.canonicalstore.it.model.Tag;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 8: one store per SessionFactory, none unless enabled; excluded types behave as plain Hibernate. */
class SettingsTest {

    @Nested
    class Enabled extends PersistenceUnitTest {
        @Test
        void eachFactoryHasItsOwnStore() {
            Book book = find(Book.class, 100L);
            Map<String, Object> properties = db.connectionProperties();
            // closing a factory closes the JCache CacheManager it shares with this one: no cache for it
            properties.put("hibernate.cache.use_second_level_cache", "false");
            try (EntityManagerFactory second = Persistence.createEntityManagerFactory("store", properties)) {
                CanonicalStore other = CanonicalStore.of(second);
                assertThat(other).isNotSameAs(store());
                assertThat(other.find(Book.class, 100L)).isEmpty();
                assertThat(store().find(Book.class, 100L)).containsSame(book);
            }
            assertThat(CanonicalStore.of(emf)).isSameAs(store());
        }

        @Test
        void entitiesExcludedBySettingLoadAsInPlainHibernate() {
            Tag first = find(Tag.class, 1L);
            Tag second = find(Tag.class, 1L);
            assertThat(second).isNotSameAs(first);
            assertThat(store().find(Tag.class, 1L)).isEmpty();
        }

        @Test
        void entitiesAnnotatedNonCanonicalLoadAsInPlainHibernate() {
            Memo first = find(Memo.class, 1L);
            assertThat(find(Memo.class, 1L)).isNotSameAs(first);
            assertThat(store().find(Memo.class, 1L)).isEmpty();
            assertThatThrownBy(() -> store().retain(first))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("excluded");
        }

        @Test
        void nonEntityArgumentsAreRejectedWithTheirName() {
            assertThatThrownBy(() -> store().find(String.class, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String");
            assertThatThrownBy(() -> store().find(Book.class, "not a number"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a number");
        }
    }

    /** A unit whose factory has no store: its entities load as in plain Hibernate. */
    abstract class WithoutStore extends PersistenceUnitTest {
        @Override
        protected boolean isStoreEnabled() {
            return false;
        }

        @Test
        void loadsBehaveAsInPlainHibernateAndTheStoreIsUnavailable() {
            Book first = find(Book.class, 100L);
            assertThat(find(Book.class, 100L)).isNotSameAs(first);
            assertThatThrownBy(() -> CanonicalStore.of(emf))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hibernate.canonical_store.enabled");
        }
    }

    /** {@code hibernate.canonical_store.enabled=false}. */
    @Nested
    class Disabled extends WithoutStore {
        @Override
        protected String unit() {
            return "store-disabled";
        }
    }

    /** No {@code hibernate.canonical_store} setting at all: the store is off by default. */
    @Nested
    class Absent extends WithoutStore {
        @Override
        protected String unit() {
            return "store-absent";
        }
    }

    @Nested
    class BadValues {
        private final Db db = Db.current();

        @Test
        void unknownEnabledValueFailsTheBootstrap() {
            assertBootstrapFails(Map.of("hibernate.canonical_store.enabled", "yes"),
                    "hibernate.canonical_store.enabled", "'yes'");
        }

        @Test
        void unknownConflictValueFailsTheBootstrap() {
            assertBootstrapFails(Map.of("hibernate.canonical_store.conflict", "retry"),
                    "hibernate.canonical_store.conflict", "'retry'");
        }

        @Test
        void unknownUnchangedRowsValueFailsTheBootstrap() {
            assertBootstrapFails(Map.of("hibernate.canonical_store.unchanged_rows", "trust"),
                    "hibernate.canonical_store.unchanged_rows", "'trust'");
        }

        @Test
        void excludingAnUnknownEntityFailsTheBootstrap() {
            assertBootstrapFails(Map.of("hibernate.canonical_store.exclude", "Tag, Nonesuch"),
                    "hibernate.canonical_store.exclude", "'Nonesuch'");
        }

        @Test
        void excludeAcceptsClassNames() {
            db.assumeReachable();
            Map<String, Object> properties = db.connectionProperties();
            properties.put("hibernate.canonical_store.exclude", Book.class.getName());
            properties.put("hibernate.cache.use_second_level_cache", "false");
            try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("store", properties)) {
                assertThat(CanonicalStore.of(factory)).isNotNull();
            }
        }

        private void assertBootstrapFails(Map<String, Object> settings, String... messageParts) {
            db.assumeReachable();
            Map<String, Object> properties = db.connectionProperties();
            properties.putAll(settings);
            properties.put("hibernate.cache.use_second_level_cache", "false");
            ThrowingCallable bootstrap = () -> Persistence.createEntityManagerFactory("store", properties).close();
            assertThatThrownBy(bootstrap).satisfies(e -> {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                assertThat(root).isInstanceOf(IllegalArgumentException.class);
                for (String part : messageParts) {
                    assertThat(root.getMessage()).contains(part);
                }
            });
        }
    }
}
