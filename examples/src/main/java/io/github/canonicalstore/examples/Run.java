package io.github.canonicalstore.examples;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreStatistics;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run of the workload on one factory, with everything the client kept.
 *
 * @param name the persistence unit
 * @param factory the factory, still open: the identity checks use it
 * @param responses what the client kept, one response per request
 * @param wallNanos the wall time of the requests
 * @param heapBytes the heap reachable from the kept entities (see {@link HeapMeter})
 * @param holdings the counts of the kept entities
 * @param statistics the store's counters right after the requests, {@code null} without a store
 * @param storeSize the store's live canonical instances right after the requests, {@code -1} without a store
 */
public record Run(String name, EntityManagerFactory factory, List<Response> responses, long wallNanos,
        long heapBytes, Holdings holdings, @Nullable CanonicalStoreStatistics statistics, int storeSize) {

    /**
     * Runs the requests one after the other, each in its own session, keeping every response.
     *
     * @param name the persistence unit's name
     * @param factory its factory
     * @param requests the workload
     * @param meter measures the heap of the kept entities afterwards
     * @return the run
     */
    public static Run execute(String name, EntityManagerFactory factory, List<Request> requests, HeapMeter meter) {
        MusicStoreClient client = new MusicStoreClient(factory);
        List<Response> responses = new ArrayList<>(requests.size());
        System.gc(); // start both runs from the same, clean heap
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            responses.add(client.execute(i, requests.get(i)));
        }
        long wallNanos = System.nanoTime() - start;
        Optional<CanonicalStore> store = store(factory);
        CanonicalStoreStatistics statistics = store.map(CanonicalStore::statistics).orElse(null);
        int storeSize = store.map(CanonicalStore::size).orElse(-1);
        Holdings holdings = new Holdings(ChinookDemo.ENTITY_TYPES, responses);
        return new Run(name, factory, List.copyOf(responses), wallNanos,
                meter.reachableBytes(holdings.references()), holdings, statistics, storeSize);
    }

    /** @return the factory's canonical store, if it has one */
    public Optional<CanonicalStore> store() {
        return store(factory);
    }

    private static Optional<CanonicalStore> store(EntityManagerFactory factory) {
        try {
            return Optional.of(CanonicalStore.of(factory));
        } catch (IllegalStateException notEnabled) {
            return Optional.empty();
        }
    }
}
