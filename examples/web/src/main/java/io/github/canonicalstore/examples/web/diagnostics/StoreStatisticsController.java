package io.github.canonicalstore.examples.web.diagnostics;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /store/statistics}: the canonical store's counters, for the load test and for operators. */
@RestController
public class StoreStatisticsController {
    private final EntityManagerFactory factory;
    private final boolean enabled;

    /** @param factory the application's factory */
    public StoreStatisticsController(EntityManagerFactory factory) {
        this.factory = factory;
        Object enabled = factory.getProperties().get(CanonicalStoreSettings.ENABLED);
        this.enabled = Boolean.parseBoolean(String.valueOf(enabled));
    }

    /** @return the counters now; all zero, with {@code enabled} false, when the store is off */
    @GetMapping("/store/statistics")
    public StoreStatisticsView statistics() {
        if (!enabled) {
            return StoreStatisticsView.disabled();
        }
        CanonicalStore store = CanonicalStore.of(factory);
        return StoreStatisticsView.of(store.statistics(), store.size());
    }
}
