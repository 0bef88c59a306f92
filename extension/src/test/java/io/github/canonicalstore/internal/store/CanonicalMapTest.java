package io.github.canonicalstore.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CanonicalMapTest {
    private static final Duration GC_DEADLINE = Duration.ofSeconds(20);
    private static final Admission<Object> NOT_BUSY = Admission.ALWAYS;

    private final List<String> released = new CopyOnWriteArrayList<>();
    private final CanonicalMap<String, Object> map =
            new CanonicalMap<>(new StoreCounters(), (key, attachment) -> released.add(key));
    private final TestOwner alice = new TestOwner();
    private final TestOwner bob = new TestOwner();

    static final class TestOwner implements Owner {
        volatile boolean active = true;

        @Override
        public boolean isActive() {
            return active;
        }
    }

    @Test
    void firstClaimCreatesTheCanonicalInstanceAndLaterClaimsHandItOut() {
        Object first = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        map.disown("k", alice);
        Object second = map.claim("k", bob, Object.class, () -> {
            throw new AssertionError("a live canonical instance must be reused");
        }, NOT_BUSY);
        assertThat(second).isSameAs(first);
        assertThat(map.counters().misses()).isEqualTo(1);
        assertThat(map.counters().hits()).isEqualTo(1);
    }

    @Test
    void anActiveOwnerBlocksOthersUntilItDisownsOrEnds() {
        Object canonical = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        assertThat(map.claim("k", bob, Object.class, Object::new, NOT_BUSY)).isNull();
        assertThat(map.isHeldByOther("k", bob)).isTrue();
        assertThat(map.isHeldByOther("k", alice)).isFalse();
        assertThat(map.claim("k", alice, Object.class, Object::new, NOT_BUSY)).isSameAs(canonical);

        assertThat(map.disown("k", bob)).isFalse();
        assertThat(map.disown("k", alice)).isTrue();
        assertThat(map.claim("k", bob, Object.class, Object::new, NOT_BUSY)).isSameAs(canonical);

        bob.active = false;
        assertThat(map.claim("k", alice, Object.class, Object::new, NOT_BUSY)).isSameAs(canonical);
    }

    @Test
    void aClaimOvertakenBetweenItsAdmissionAndItsTakeOverIsAskedAgain() {
        // the admission check and the take-over are not atomic: another session may claim the instance, load it
        // and end in between, and an enhanced instance is then still attached to that session until it clears
        Object canonical = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        map.disown("k", alice);
        TestOwner carol = new TestOwner();
        List<Object> asked = new ArrayList<>();
        Object claimed = map.claim("k", bob, Object.class, Object::new, overtakenBy(carol, asked));
        assertThat(asked).containsExactly(canonical, canonical);
        assertThat(claimed).isNull();
        assertThat(map.owner("k")).isSameAs(carol);
    }

    @Test
    void aTakeOverOfAnExistingInstanceOvertakenByAnotherClaimIsAskedAgain() {
        Object canonical = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        map.disown("k", alice);
        TestOwner carol = new TestOwner();
        List<Object> asked = new ArrayList<>();
        boolean taken = map.claimExisting("k", canonical, bob, overtakenBy(carol, asked));
        assertThat(asked).containsExactly(canonical, canonical);
        assertThat(taken).isFalse();
        assertThat(map.owner("k")).isSameAs(carol);
    }

    /**
     * An admission that records each instance it is asked about. Asked the first time, it lets {@code other} claim
     * "k" and end, as another thread could between the answer and the take-over, and admits; asked again, it
     * refuses (the instance is not admissible any more: say, still attached to that owner's persistence context).
     */
    private Admission<Object> overtakenBy(TestOwner other, List<Object> asked) {
        return (instance, state, claimant) -> {
            asked.add(instance);
            if (asked.size() > 1) {
                return true;
            }
            assertThat(map.claim("k", other, Object.class, Object::new, NOT_BUSY)).isSameAs(instance);
            other.active = false;
            return false;
        };
    }

    @Test
    void anInstanceHeldByAnotherActiveOwnerIsRefusedWithoutAskingTheAdmission() {
        // the admission may be costly (rule 4 compares the whole state): it is pointless while another owner holds it
        Object canonical = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        Admission<Object> mustNotBeAsked = (instance, state, claimant) -> {
            throw new AssertionError("admission asked although alice holds the instance");
        };
        assertThat(map.claim("k", bob, Object.class, Object::new, mustNotBeAsked)).isNull();
        assertThat(map.claimExisting("k", canonical, bob, mustNotBeAsked)).isFalse();
        assertThat(map.owner("k")).isSameAs(alice);
    }

    @Test
    void aBusyInstanceIsNotTakenOverButItsOwnerKeepsIt() {
        Object canonical = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        map.disown("k", alice);
        assertThat(map.claim("k", bob, Object.class, Object::new, (instance, state, claimant) -> true)).isNull();
        assertThat(map.claim("k", alice, Object.class, Object::new, NOT_BUSY)).isSameAs(canonical);
        assertThat(map.claim("k", alice, Object.class, Object::new, (instance, state, claimant) -> true))
                .isSameAs(canonical);
    }

    @Test
    void anInstanceOfAnotherClassIsReplacedOnlyWhenNobodyOwnsIt() {
        Object object = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        assertThat(map.claim("k", bob, String.class, () -> "row changed class", NOT_BUSY)).isNull();
        map.disown("k", alice);
        assertThat(map.claim("k", bob, String.class, () -> "row changed class", NOT_BUSY))
                .isEqualTo("row changed class");
        assertThat(map.get("k")).isNotSameAs(object);
    }

    @Test
    void adoptAndPutIfAbsentNeverReplaceALiveInstance() {
        Object live = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        assertThat(map.adopt("k", new Object(), bob)).isFalse();
        assertThat(map.putIfAbsent("k", new Object())).isSameAs(live);
        Object adopted = new Object();
        assertThat(map.adopt("other", adopted, bob)).isTrue();
        assertThat(map.isHeldByOther("other", alice)).isTrue();
        Object candidate = new Object();
        assertThat(map.putIfAbsent("third", candidate)).isSameAs(candidate);
        assertThat(map.isHeldByOther("third", alice)).isFalse();
    }

    @Test
    void pinsCountUpAndDownAndOverReleaseThrows() {
        Object instance = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        assertThat(map.retain("k", instance)).isEqualTo(1);
        assertThat(map.retain("k", instance)).isEqualTo(2);
        assertThat(map.pins("k")).isEqualTo(2);
        assertThat(map.release("k", instance)).isEqualTo(1);
        assertThat(map.counters().pins()).isEqualTo(1);
        assertThat(map.release("k", instance)).isZero();
        assertThat(map.counters().pins()).isZero();
        assertThatThrownBy(() -> map.release("k", instance))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k")
                .hasMessageContaining("already 0");
        assertThatThrownBy(() -> map.retain("k", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the canonical instance for k");
        assertThatThrownBy(() -> map.retain("absent", instance))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no canonical instance is alive");
    }

    @Test
    void removeAndClearDropEntriesButNotInstances() {
        Object first = map.claim("a", alice, Object.class, Object::new, NOT_BUSY);
        map.claim("b", alice, Object.class, Object::new, NOT_BUSY);
        map.retain("b", map.get("b"));
        assertThat(map.remove("a")).isSameAs(first);
        assertThat(map.remove("a")).isNull();
        assertThat(map.get("a")).isNull();
        assertThat(first).isNotNull();
        List<String> removed = new ArrayList<>();
        map.clear((key, instance) -> removed.add(key));
        assertThat(removed).containsExactly("b");
        assertThat(map.size()).isZero();
        assertThat(map.pins("b")).isZero();
    }

    @Test
    void collectedInstancesLeaveTheMapAndAreReportedOnce() {
        WeakReference<Object> ref =
                new WeakReference<>(map.claim("k", alice, Object.class, Object::new, NOT_BUSY));
        await().atMost(GC_DEADLINE).until(() -> {
            System.gc();
            return ref.get() == null;
        });
        assertThat(map.size()).isZero();
        assertThat(map.get("k")).isNull();
        await().atMost(GC_DEADLINE).until(() -> {
            map.cleanUp();
            return map.rawSize() == 0;
        });
        assertThat(released).containsExactly("k");
        assertThat(map.counters().releases()).isEqualTo(1);
    }

    @Test
    void aPinnedInstanceIsNotCollectedUntilReleased() {
        Object instance = map.claim("k", alice, Object.class, Object::new, NOT_BUSY);
        map.retain("k", instance);
        WeakReference<Object> ref = new WeakReference<>(instance);
        instance = null;
        awaitACollection();
        assertThat(ref.get()).as("pinned, after a collection that cleared an unpinned object").isNotNull();
        map.release("k", ref.get());
        await().atMost(GC_DEADLINE).until(() -> {
            System.gc();
            return ref.get() == null;
        });
    }

    @Test
    void aReloadAfterCollectionReplacesTheDeadEntryWithoutLosingTheNewOne() {
        List<Object> keep = new ArrayList<>();
        WeakReference<Object> dead =
                new WeakReference<>(map.claim("k", alice, Object.class, Object::new, NOT_BUSY));
        await().atMost(GC_DEADLINE).until(() -> {
            System.gc();
            return dead.get() == null;
        });
        Object fresh = map.claim("k", bob, Object.class, Object::new, NOT_BUSY);
        keep.add(fresh);
        map.cleanUp(); // the old reference is drained after the new entry exists: it must not remove it
        assertThat(map.get("k")).isSameAs(fresh);
        assertThat(keep).hasSize(1);
    }

    /**
     * Waits until the garbage collector has cleared an object that nothing references: proof that a collection ran
     * since the call, after which an object that is still alive was kept alive by something.
     */
    private static void awaitACollection() {
        WeakReference<Object> control = new WeakReference<>(new Object());
        await().atMost(GC_DEADLINE).until(() -> {
            System.gc();
            return control.get() == null;
        });
    }
}
