package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalConflictException;
import io.github.canonicalstore.it.model.Book;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** SEMANTICS rule 3 under {@code hibernate.canonical_store.conflict=fail}. */
class ConflictFailTest extends PersistenceUnitTest {

    @Override
    protected String unit() {
        return "store-fail";
    }

    @Test
    void loadOfAnInstanceAnotherOpenSessionManagesThrowsNamingTheKey() {
        try (EntityManager owner = emf.createEntityManager(); EntityManager other = emf.createEntityManager()) {
            Book canonical = owner.find(Book.class, 100L);
            long isolations = store().statistics().isolations();
            assertThatThrownBy(() -> other.find(Book.class, 100L))
                    .isInstanceOf(CanonicalConflictException.class)
                    .hasMessageContaining("Book#100")
                    .hasMessageContaining("another open session")
                    .satisfies(e -> {
                        CanonicalConflictException conflict = (CanonicalConflictException) e;
                        assertThat(conflict.id()).isEqualTo(100L);
                        assertThat(conflict.entityName()).endsWith("Book");
                    });
            assertThat(store().statistics().isolations()).isEqualTo(isolations);
            assertThat(store().find(Book.class, 100L)).containsSame(canonical);
        }
    }

    @Test
    void withoutAConflictLoadsShareTheCanonicalInstance() {
        Book first = find(Book.class, 101L);
        assertThat(find(Book.class, 101L)).isSameAs(first);
    }
}
