package io.github.canonicalstore.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreListener;
import io.github.canonicalstore.CanonicalStoreStatistics;
import io.github.canonicalstore.Subscription;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CanonicalStoreMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void requestsCountHitsAndMissesByResultTag() {
        FakeStore store = new FakeStore();
        new CanonicalStoreMetrics(store, "orders", Tags.empty()).bindTo(registry);

        store.hits = 7;
        store.misses = 3;

        assertThat(meter("requests").tag("result", "hit").functionCounter().count()).isEqualTo(7.0);
        assertThat(meter("requests").tag("result", "miss").functionCounter().count()).isEqualTo(3.0);
    }

    @Test
    void everyCounterReadsItsStatistic() {
        FakeStore store = new FakeStore();
        new CanonicalStoreMetrics(store, "orders", Tags.empty()).bindTo(registry);

        store.isolations = 1;
        store.conflicts = 2;
        store.restores = 3;
        store.propagations = 4;
        store.releases = 5;

        assertThat(meter("isolations").functionCounter().count()).isEqualTo(1.0);
        assertThat(meter("conflicts").functionCounter().count()).isEqualTo(2.0);
        assertThat(meter("restores").functionCounter().count()).isEqualTo(3.0);
        assertThat(meter("propagations").functionCounter().count()).isEqualTo(4.0);
        assertThat(meter("releases").functionCounter().count()).isEqualTo(5.0);
    }

    @Test
    void gaugesFollowSizeAndPins() {
        FakeStore store = new FakeStore();
        new CanonicalStoreMetrics(store, "orders", Tags.empty()).bindTo(registry);

        store.size = 42;
        store.pins = 2;
        assertThat(meter("size").gauge().value()).isEqualTo(42.0);
        assertThat(meter("pins").gauge().value()).isEqualTo(2.0);

        store.size = 40;
        assertThat(meter("size").gauge().value()).isEqualTo(40.0);
    }

    @Test
    void everyMeterIsTaggedWithTheFactoryAndTheGivenTags() {
        new CanonicalStoreMetrics(new FakeStore(), "orders", Tags.of("region", "eu")).bindTo(registry);

        List<Meter> meters = registry.getMeters();
        assertThat(meters).extracting(m -> m.getId().getName()).containsExactlyInAnyOrder(
                "hibernate.canonical.store.requests", "hibernate.canonical.store.requests",
                "hibernate.canonical.store.size", "hibernate.canonical.store.pins",
                "hibernate.canonical.store.isolations", "hibernate.canonical.store.conflicts",
                "hibernate.canonical.store.restores", "hibernate.canonical.store.propagations",
                "hibernate.canonical.store.releases");
        assertThat(meters).allSatisfy(m -> {
            assertThat(m.getId().getTag("entityManagerFactory")).isEqualTo("orders");
            assertThat(m.getId().getTag("region")).isEqualTo("eu");
            assertThat(m.getId().getDescription()).isNotBlank();
        });
    }

    @Test
    void onlyTheSizeHasABaseUnit() {
        new CanonicalStoreMetrics(new FakeStore(), "orders", Tags.empty()).bindTo(registry);

        assertThat(meter("size").gauge().getId().getBaseUnit()).isEqualTo("objects");
        assertThat(registry.getMeters()).filteredOn(m -> !m.getId().getName().endsWith(".size"))
                .allSatisfy(m -> assertThat(m.getId().getBaseUnit()).isNull());
    }

    @Test
    void twoFactoriesGetSeparateMeters() {
        FakeStore orders = new FakeStore();
        FakeStore billing = new FakeStore();
        new CanonicalStoreMetrics(orders, "orders", Tags.empty()).bindTo(registry);
        new CanonicalStoreMetrics(billing, "billing", Tags.empty()).bindTo(registry);

        orders.size = 1;
        billing.size = 2;

        assertThat(meter("size").tag("entityManagerFactory", "orders").gauge().value()).isEqualTo(1.0);
        assertThat(meter("size").tag("entityManagerFactory", "billing").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void theMetersDoNotKeepTheStoreAlive() {
        WeakReference<CanonicalStore> collected = bindAndForget();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return collected.get() == null;
        });
        assertThat(meter("size").gauge().value()).isNaN();
    }

    private WeakReference<CanonicalStore> bindAndForget() {
        FakeStore store = new FakeStore();
        store.size = 5;
        new CanonicalStoreMetrics(store, "orders", Tags.empty()).bindTo(registry);
        assertThat(meter("size").gauge().value()).isEqualTo(5.0);
        return new WeakReference<>(store);
    }

    @Test
    void nullArgumentsAreRejected() {
        FakeStore store = new FakeStore();
        assertThatNullPointerException().isThrownBy(() -> new CanonicalStoreMetrics(null, "orders", Tags.empty()))
                .withMessage("store");
        assertThatNullPointerException().isThrownBy(() -> new CanonicalStoreMetrics(store, null, Tags.empty()))
                .withMessage("entityManagerFactoryName");
        assertThatNullPointerException().isThrownBy(() -> new CanonicalStoreMetrics(store, "orders", null))
                .withMessage("tags");
        CanonicalStoreMetrics metrics = new CanonicalStoreMetrics(store, "orders", Tags.empty());
        assertThatNullPointerException().isThrownBy(() -> metrics.bindTo(null)).withMessage("registry");
    }

    private RequiredSearch meter(String suffix) {
        return registry.get("hibernate.canonical.store." + suffix);
    }

    /** A store whose statistics the test sets; the meters use nothing else. */
    private static final class FakeStore implements CanonicalStore {
        volatile long hits;
        volatile long misses;
        volatile long isolations;
        volatile long releases;
        volatile long conflicts;
        volatile long restores;
        volatile long propagations;
        volatile long pins;
        volatile int size;

        @Override
        public CanonicalStoreStatistics statistics() {
            return CanonicalStoreStatistics.of(hits, misses, isolations, releases, conflicts, restores, propagations,
                    pins);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public <T> Optional<T> find(Class<T> type, Object id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> find(@Nullable Object tenantId, Class<T> type, Object id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int retain(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int release(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean evict(Class<?> type, Object id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void evictAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T canonicalize(T entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Subscription subscribe(Class<T> type, CanonicalStoreListener<? super T> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cleanUp() {
            throw new UnsupportedOperationException();
        }
    }
}
