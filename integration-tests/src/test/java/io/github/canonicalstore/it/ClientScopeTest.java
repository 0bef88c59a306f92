package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.CanonicalScopeResolver;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import io.github.canonicalstore.it.model.Book;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS rule 12: with a scope resolver, each client has canonical instances of its own. Inside a scope the
 * other rules hold; an edit that one client makes and does not commit is never visible through another client's
 * instances; committed state and deletions reach every scope; a scope whose client went leaves nothing behind.
 */
class ClientScopeTest extends StoreTestSupport {
    /** The client of the calling thread, as a servlet filter would set it for a request. */
    private static final ThreadLocal<Object> CLIENT = new ThreadLocal<>();

    @Override
    protected Map<String, Object> extraSettings() {
        // the calling thread's client (a method reference: the enhancer of the enhanced runs inspects every class
        // file of the tests, and cannot resolve the extension's types in a class that implements one)
        CanonicalScopeResolver resolver = CLIENT::get;
        return Map.of(CanonicalStoreSettings.SCOPE_RESOLVER, resolver);
    }

    @AfterEach
    void noClient() {
        CLIENT.remove();
    }

    private <T> T as(Object client, Supplier<T> work) {
        Object previous = CLIENT.get();
        CLIENT.set(client);
        try {
            return work.get();
        } finally {
            CLIENT.set(previous);
        }
    }

    @Test
    void eachClientHasItsOwnCanonicalInstances() {
        Book alice = as("alice", () -> find(Book.class, 100L));
        Book bob = as("bob", () -> find(Book.class, 100L));
        assertThat(as("alice", () -> find(Book.class, 100L))).isSameAs(alice);
        assertThat(as("bob", () -> find(Book.class, 100L))).isSameAs(bob);
        assertThat(alice).isNotSameAs(bob);
        assertThat(as("alice", () -> store().find(Book.class, 100L))).containsSame(alice);
        assertThat(as("bob", () -> store().find(Book.class, 100L))).containsSame(bob);
        assertThat(store().find(Book.class, 100L)).as("the factory scope has its own, none yet").isEmpty();
    }

    @Test
    void anUncommittedEditNeverReachesAnotherClient() {
        Book alice = as("alice", () -> find(Book.class, 100L));
        Book bob = as("bob", () -> find(Book.class, 100L));
        alice.setTitle("Half-typed by alice"); // bound from a form, not valid, never committed
        assertThat(bob.getTitle()).isEqualTo("The Dispossessed");
        assertThat(as("bob", () -> find(Book.class, 100L))).isSameAs(bob);
        assertThat(bob.getTitle()).isEqualTo("The Dispossessed");
        assertThat(as("carol", () -> find(Book.class, 100L)).getTitle()).isEqualTo("The Dispossessed");
    }

    @Test
    void committedStateReachesEveryClient() throws Exception {
        Book alice = as("alice", () -> find(Book.class, 100L));
        Book bob = as("bob", () -> find(Book.class, 100L));
        as("alice", () -> {
            run(em -> em.find(Book.class, 100L).setTitle("Committed by alice"));
            return null;
        });
        assertThat(bookRow(100L)).isEqualTo(new BookRow("Committed by alice", 1));
        assertThat(alice.getTitle()).isEqualTo("Committed by alice");
        assertThat(bob.getTitle()).isEqualTo("Committed by alice");
        assertThat(bob.getVersion()).isEqualTo(1);
        assertThat(as("bob", () -> find(Book.class, 100L))).isSameAs(bob);
    }

    @Test
    void aDeletionLeavesEveryClientsStore() throws Exception {
        as("alice", () -> find(Book.class, 104L));
        as("bob", () -> find(Book.class, 104L));
        as("alice", () -> {
            run(em -> em.remove(em.find(Book.class, 104L)));
            return null;
        });
        assertThat(bookRowExists(104L)).isFalse();
        assertThat(as("alice", () -> store().find(Book.class, 104L))).isEmpty();
        assertThat(as("bob", () -> store().find(Book.class, 104L))).isEmpty();
    }

    @Test
    void aClientThatWentLeavesNothingBehind() {
        WeakReference<Object> client = goneClient();
        await().atMost(DEADLINE).until(() -> {
            System.gc();
            store().cleanUp();
            return client.get() == null;
        });
        assertThat(store().size()).isZero();
    }

    /** A client that loads two rows and goes: nothing but the store could still hold it or its instances. */
    private WeakReference<Object> goneClient() {
        Object client = new Object();
        as(client, () -> find(Book.class, 100L));
        as(client, () -> find(Book.class, 101L));
        assertThat(as(client, () -> store().size())).isGreaterThanOrEqualTo(2);
        return new WeakReference<>(client);
    }
}
