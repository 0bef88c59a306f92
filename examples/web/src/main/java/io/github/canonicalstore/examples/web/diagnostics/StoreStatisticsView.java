package io.github.canonicalstore.examples.web.diagnostics;

import io.github.canonicalstore.CanonicalStoreStatistics;

/**
 * The canonical store's counters as JSON ({@link io.github.canonicalstore.CanonicalStoreStatistics}), all zero when
 * the store is off.
 *
 * @param enabled whether the factory has a store ({@code hibernate.canonical_store.enabled})
 * @param hits loads that handed out an existing canonical instance
 * @param misses loads that created a canonical instance
 * @param isolations loads that got a private instance (another open session owned the canonical one, or it had
 *     pending edits)
 * @param conflicts committed states that could not reach the canonical instance
 * @param releases entries removed after their instance was collected
 * @param restores canonical instances put back after a rollback
 * @param propagations committed states written into a canonical instance after commit
 * @param pins pins held now
 * @param size live canonical instances now
 * @param sharingRatio {@code hits / (hits + misses + isolations)}, 0 before the first load
 */
public record StoreStatisticsView(boolean enabled, long hits, long misses, long isolations, long conflicts,
        long releases, long restores, long propagations, long pins, int size, double sharingRatio) {

    /** @return the view of a factory without a store */
    public static StoreStatisticsView disabled() {
        return new StoreStatisticsView(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * @param statistics the store's counters
     * @param size its live canonical instances
     * @return the view of an enabled store
     */
    public static StoreStatisticsView of(CanonicalStoreStatistics statistics, int size) {
        long loads = statistics.hits() + statistics.misses() + statistics.isolations();
        double ratio = loads == 0 ? 0 : (double) statistics.hits() / loads;
        return new StoreStatisticsView(true, statistics.hits(), statistics.misses(), statistics.isolations(),
                statistics.conflicts(), statistics.releases(), statistics.restores(), statistics.propagations(),
                statistics.pins(), size, ratio);
    }
}
