package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import jakarta.persistence.LockModeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SEMANTICS rule 5: a version that a lock incremented ({@code OPTIMISTIC_FORCE_INCREMENT},
 * {@code PESSIMISTIC_FORCE_INCREMENT}) is committed state like any other. Once the transaction commits, the canonical
 * instance's committed state has the new version: loads hand it out again, and later commits through other
 * instances reach it (issue #9).
 */
class ForcedVersionIncrementTest extends StoreTestSupport {

    @ParameterizedTest
    @EnumSource(value = LockModeType.class, names = {"OPTIMISTIC_FORCE_INCREMENT", "PESSIMISTIC_FORCE_INCREMENT"})
    void aLockedVersionIsTheCommittedVersion(LockModeType mode) throws Exception {
        Book held = find(Book.class, 100L);
        run(em -> em.lock(em.find(Book.class, 100L), mode));
        assertThat(bookRow(100L).version()).isEqualTo(1);
        assertThat(held.getVersion()).isEqualTo(1);

        long isolations = store().statistics().isolations();
        assertThat(find(Book.class, 100L)).as("no pending edits").isSameAs(held);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);

        long conflicts = store().statistics().conflicts();
        commitThroughPrivateInstance(100L, book -> book.setTitle("Committed elsewhere"));
        assertThat(store().statistics().conflicts()).isEqualTo(conflicts);
        assertThat(held.getTitle()).isEqualTo("Committed elsewhere");
        assertThat(held.getVersion()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = LockModeType.class, names = {"OPTIMISTIC_FORCE_INCREMENT", "PESSIMISTIC_FORCE_INCREMENT"})
    void aLockThatRollsBackLeavesTheCommittedVersion(LockModeType mode) throws Exception {
        Book held = find(Book.class, 101L);
        try (var em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.lock(em.find(Book.class, 101L), mode);
            em.flush();
            em.getTransaction().rollback();
        }
        assertThat(bookRow(101L).version()).isZero();
        assertThat(held.getVersion()).isZero();
        assertThat(find(Book.class, 101L)).isSameAs(held);
    }
}
