package io.github.canonicalstore.it;

import static io.github.canonicalstore.CanonicalStoreEvent.Kind.CONFLICT;
import static io.github.canonicalstore.CanonicalStoreEvent.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.it.model.Author;
import io.github.canonicalstore.it.model.Book;
import io.github.canonicalstore.it.model.Genre;
import jakarta.persistence.EntityManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 5: state committed through another instance (a private instance, a stateless update, a merged
 * copy) is written into the canonical instance after commit when it has no owner and no pending edits; otherwise
 * the conflict is counted and reported and the canonical instance is left as it was.
 */
class CommittedStateFlowsBackTest extends StoreTestSupport {

    // rule 5: a private instance, obtained while another session owned C(k), commits after that session closed
    @Test
    void commitThroughAPrivateInstanceFlowsIntoTheFreeCanonicalInstance() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        long propagations = store().statistics().propagations();
        long conflicts = store().statistics().conflicts();

        try (EntityManager writer = emf.createEntityManager()) {
            writer.getTransaction().begin();
            Book isolated;
            try (EntityManager owner = emf.createEntityManager()) {
                assertThat(owner.find(Book.class, 100L)).isSameAs(held);
                isolated = writer.find(Book.class, 100L);
                assertThat(isolated).isNotSameAs(held);
            }
            // the owner is closed: C(k) is detached and clean when the writer commits
            isolated.setTitle("Written through a private instance");
            writer.getTransaction().commit();
        }

        // no new load: the commit itself wrote the state into C(k)
        assertThat(held.getTitle()).isEqualTo("Written through a private instance");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(store().statistics().propagations()).isGreaterThan(propagations);
        assertThat(store().statistics().conflicts()).isEqualTo(conflicts);
        assertThat(events.of(UPDATED, 100L)).singleElement().satisfies(e -> {
            assertThat(e.instance()).isSameAs(held);
            assertThat(e.entityType()).isEqualTo(Book.class);
        });
        assertThat(events.of(CONFLICT)).isEmpty();
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Written through a private instance", 1));
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 5: a StatelessSession update of a copy
    @Test
    void statelessUpdateOfACopyFlowsIntoTheCanonicalInstance() throws Exception {
        Book held = find(Book.class, 100L);
        Author author = find(Author.class, 1L);
        Genre fiction = find(Genre.class, 1);
        Recorder events = record(Book.class);
        long propagations = store().statistics().propagations();

        try (StatelessSession stateless = sessionFactory().openStatelessSession()) {
            Transaction tx = stateless.beginTransaction();
            stateless.update(new Book(100L, "Updated statelessly", 387, author, fiction));
            tx.commit();
        }

        assertThat(held.getTitle()).isEqualTo("Updated statelessly");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(store().statistics().propagations()).isGreaterThan(propagations);
        assertThat(events.of(UPDATED, 100L)).singleElement().satisfies(e -> assertThat(e.instance()).isSameAs(held));
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }

    // rule 5: a merge of a copy while C(k) is held; the copy's committed state reaches C(k)
    @Test
    void mergeOfACopyReachesTheHeldCanonicalInstance() throws Exception {
        Book held = find(Book.class, 101L);
        Recorder events = record(Book.class);
        Book copy = new Book(101L, "Merged copy", 183, find(Author.class, 1L), held.getGenre());
        run(em -> em.merge(copy));
        assertThat(held.getTitle()).isEqualTo("Merged copy");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(events.of(UPDATED, 101L)).isNotEmpty();
        assertThat(bookRow(101L)).isEqualTo(new BookRow("Merged copy", 1));
    }

    // rule 5: several commits in a row through private instances each flow back, versions only moving forward
    @Test
    void successiveCommitsThroughPrivateInstancesEachFlowBack() {
        Book held = find(Book.class, 100L);
        long propagations = store().statistics().propagations();
        for (int i = 1; i <= 3; i++) {
            String title = "Edition " + i;
            commitThroughPrivateInstance(100L, book -> book.setTitle(title));
            assertThat(held.getTitle()).isEqualTo(title);
            assertThat(held.getVersion()).isEqualTo(i);
        }
        assertThat(store().statistics().propagations()).isGreaterThanOrEqualTo(propagations + 3);
    }

    // rule 5: C(k) owned by an open session at commit time: conflict counted and reported, C(k) left as it was
    @Test
    void commitWhileAnotherOpenSessionOwnsTheCanonicalInstanceIsAConflict() throws Exception {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        long conflicts = store().statistics().conflicts();
        long propagations = store().statistics().propagations();

        try (EntityManager owner = emf.createEntityManager()) {
            assertThat(owner.find(Book.class, 100L)).isSameAs(held);
            run(em -> {
                Book isolated = em.find(Book.class, 100L);
                assertThat(isolated).isNotSameAs(held);
                isolated.setTitle("Written elsewhere");
            });
            assertThat(held.getTitle()).isEqualTo("The Dispossessed");
            assertThat(held.getVersion()).isZero();
            assertThat(store().statistics().conflicts()).isGreaterThan(conflicts);
            assertThat(store().statistics().propagations()).isEqualTo(propagations);
            assertThat(events.of(CONFLICT, 100L)).singleElement().satisfies(e -> {
                assertThat(e.instance()).isSameAs(held);
                assertThat(e.entityType()).isEqualTo(Book.class);
            });
            assertThat(events.of(UPDATED, 100L)).isEmpty();
        }
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Written elsewhere", 1));
        // rule 2 afterwards: the next load refreshes the instance, which had no pending edits
        assertThat(find(Book.class, 100L)).isSameAs(held);
        assertThat(held.getTitle()).isEqualTo("Written elsewhere");
        assertThat(held.getVersion()).isEqualTo(1);
    }

    // rule 5: C(k) with pending edits at commit time: conflict counted and reported, the edits kept
    @Test
    void commitWhileTheCanonicalInstanceHasPendingEditsIsAConflictAndKeepsThem() throws Exception {
        Book held = find(Book.class, 100L);
        held.setTitle("Pending edit");
        Recorder events = record(Book.class);
        long conflicts = store().statistics().conflicts();

        run(em -> {
            Book isolated = em.find(Book.class, 100L);
            assertThat(isolated).isNotSameAs(held);
            isolated.setTitle("Written elsewhere");
        });

        assertThat(held.getTitle()).isEqualTo("Pending edit");
        assertThat(held.getVersion()).isZero();
        assertThat(store().statistics().conflicts()).isGreaterThan(conflicts);
        assertThat(events.of(CONFLICT, 100L)).singleElement().satisfies(e -> assertThat(e.instance()).isSameAs(held));
        assertThat(events.of(UPDATED, 100L)).isEmpty();
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Written elsewhere", 1));
        // rule 4 still holds: the pending edits are not overwritten by a load either
        Book loaded = find(Book.class, 100L);
        assertThat(loaded).isNotSameAs(held);
        assertThat(loaded.getTitle()).isEqualTo("Written elsewhere");
        assertThat(held.getTitle()).isEqualTo("Pending edit");
    }

    // rule 5 (where silent): a commit through C(k) itself is not a conflict and not counted as a propagation
    @Test
    void commitThroughTheCanonicalInstanceItselfIsNoConflict() throws Exception {
        Book held = find(Book.class, 102L);
        long conflicts = store().statistics().conflicts();
        long propagations = store().statistics().propagations();
        run(em -> em.find(Book.class, 102L).setTitle("Solaris (revised)"));
        assertThat(held.getTitle()).isEqualTo("Solaris (revised)");
        assertThat(held.getVersion()).isEqualTo(1);
        assertThat(store().statistics().conflicts()).isEqualTo(conflicts);
        // propagations() counts commits through another instance only
        assertThat(store().statistics().propagations()).isEqualTo(propagations);
        assertThat(bookRow(102L)).isEqualTo(new BookRow("Solaris (revised)", 1));
    }

    // rule 5: unchanged rows of the committing session are neither propagated nor conflicts
    @Test
    void aCommitThatChangedNothingReportsNothing() {
        Book held = find(Book.class, 100L);
        Recorder events = record(Book.class);
        long conflicts = store().statistics().conflicts();
        try (EntityManager owner = emf.createEntityManager()) {
            assertThat(owner.find(Book.class, 100L)).isSameAs(held);
            run(em -> assertThat(em.find(Book.class, 100L)).isNotSameAs(held));
        }
        assertThat(store().statistics().conflicts()).isEqualTo(conflicts);
        assertThat(events.of(CONFLICT)).isEmpty();
        assertThat(events.of(UPDATED)).isEmpty();
    }

    // rule 5 with rule 2 (issue #9): committed state never takes the canonical instance back to an older version,
    // even when the after-commit work of two commits runs out of order
    @Test
    void anOlderCommitsStateArrivingLateDoesNotOverwriteANewerOne() throws Exception {
        Book held = find(Book.class, 100L);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<?> older = first.submit(() -> {
                PostCommitGate.arm(Thread.currentThread());
                commitThroughPrivateInstance(100L, book -> book.setTitle("First commit"));
            });
            await().atMost(DEADLINE).until(() -> PostCommitGate.awaitArrival(0) || older.isDone());
            if (older.isDone()) {
                within(older); // throws what went wrong before the gate
            }
            assertThat(PostCommitGate.awaitArrival(0)).as("the first commit is held").isTrue();
            assertThat(bookRow(100L)).isEqualTo(new BookRow("First commit", 1));

            commitThroughPrivateInstance(100L, book -> book.setTitle("Second commit"));
            assertThat(held.getTitle()).isEqualTo("Second commit");
            assertThat(held.getVersion()).isEqualTo(2);

            PostCommitGate.open();
            within(older);
        } finally {
            PostCommitGate.open();
            first.shutdownNow();
        }
        assertThat(held.getTitle()).isEqualTo("Second commit");
        assertThat(held.getVersion()).isEqualTo(2);
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Second commit", 2));
        assertThat(find(Book.class, 100L)).isSameAs(held);
    }
}
