package io.github.canonicalstore.internal.store;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks that every concurrent history of the map's operations is linearizable: it equals some sequential
 * execution of the same operations. Instances are held strongly by the test, so garbage collection plays no part;
 * results name the owner that created an instance, which makes them deterministic. {@code retain} and
 * {@code release} look the instance up first and so are two steps: an entry removed between them is reported as
 * absent, which is what the sequential order "remove, then retain" gives.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:1")
@Param(name = "owner", gen = IntGen.class, conf = "0:1")
public class CanonicalMapLinearizabilityTest {
    private final CanonicalMap<Integer, Instance> map = new CanonicalMap<>();
    private final Switch[] owners = {new Switch(), new Switch()};
    private final Queue<Instance> everyInstance = new ConcurrentLinkedQueue<>();
    private final AtomicIntegerArray busy = new AtomicIntegerArray(2);

    /** An owner that a test operation can end. */
    static final class Switch implements Owner {
        volatile boolean active = true;

        @Override
        public boolean isActive() {
            return active;
        }
    }

    /** A canonical instance that remembers which owner created it. */
    record Instance(int creator) {
    }

    private Instance create(int owner) {
        Instance instance = new Instance(owner);
        everyInstance.add(instance);
        return instance;
    }

    @Operation
    public String claim(@Param(name = "key") int key, @Param(name = "owner") int owner) {
        Instance instance = map.claim(key, owners[owner], Instance.class, () -> create(owner), Admission.ALWAYS);
        return instance == null ? "isolated" : "canonical by " + instance.creator();
    }

    /**
     * A claim whose admission refuses while the key is marked busy ({@link #markBusy}): the admission is asked
     * between reading an entry's owner and taking it over, where another thread's claim, disown or end can run
     * (the race fixed in 5502aab, model-checked here).
     */
    @Operation
    public String claimUnlessBusy(@Param(name = "key") int key, @Param(name = "owner") int owner) {
        Instance instance = map.claim(key, owners[owner], Instance.class, () -> create(owner), unlessBusy(key));
        return instance == null ? "isolated" : "canonical by " + instance.creator();
    }

    /** Flow-back's take-over of the live instance, two steps like retain: look it up, then claim it. */
    @Operation
    public String claimExisting(@Param(name = "key") int key, @Param(name = "owner") int owner) {
        Instance instance = map.get(key);
        if (instance == null) {
            return "none";
        }
        if (map.claimExisting(key, instance, owners[owner], unlessBusy(key))) {
            return "taken";
        }
        // linearised as a remove before this operation if the instance left the map meanwhile
        return map.get(key) == instance ? "refused" : "none";
    }

    @Operation
    public void markBusy(@Param(name = "key") int key, boolean busy) {
        this.busy.set(key, busy ? 1 : 0);
    }

    private Admission<Instance> unlessBusy(int key) {
        return (instance, attachment, claimant) -> busy.get(key) == 1;
    }

    @Operation
    public boolean disown(@Param(name = "key") int key, @Param(name = "owner") int owner) {
        return map.disown(key, owners[owner]);
    }

    @Operation
    public void end(@Param(name = "owner") int owner) {
        owners[owner].active = false;
    }

    @Operation
    public String get(@Param(name = "key") int key) {
        Instance instance = map.get(key);
        return instance == null ? "none" : "canonical by " + instance.creator();
    }

    @Operation
    public boolean adopt(@Param(name = "key") int key, @Param(name = "owner") int owner) {
        return map.adopt(key, create(owner), owners[owner]);
    }

    @Operation
    public String retain(@Param(name = "key") int key) {
        Instance instance = map.get(key);
        if (instance == null) {
            return "none";
        }
        try {
            return "pins " + map.retain(key, instance);
        } catch (IllegalArgumentException removedMeanwhile) {
            return "none"; // linearised as a remove before this operation
        }
    }

    @Operation
    public String release(@Param(name = "key") int key) {
        Instance instance = map.get(key);
        if (instance == null) {
            return "none";
        }
        try {
            return "pins " + map.release(key, instance);
        } catch (IllegalArgumentException removedMeanwhile) {
            return "none"; // linearised as a remove before this operation
        } catch (IllegalStateException overRelease) {
            return "over-release";
        }
    }

    @Operation
    public boolean remove(@Param(name = "key") int key) {
        return map.remove(key) != null;
    }

    @Operation
    public int size() {
        return map.size();
    }

    @Test
    void stress() {
        new StressOptions()
                .iterations(50)
                .invocationsPerIteration(2_000)
                .threads(2)
                .actorsPerThread(3)
                .check(CanonicalMapLinearizabilityTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions()
                .iterations(30)
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .check(CanonicalMapLinearizabilityTest.class);
    }
}
