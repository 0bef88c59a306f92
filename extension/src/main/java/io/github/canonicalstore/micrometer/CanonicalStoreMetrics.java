package io.github.canonicalstore.micrometer;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.CanonicalStoreStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A Micrometer {@link MeterBinder} for one {@link CanonicalStore}: its {@linkplain CanonicalStore#statistics()
 * counters} and its {@linkplain CanonicalStore#size() size}.
 *
 * <p>Names and tags follow Hibernate's own {@code HibernateMetrics} (module {@code hibernate-micrometer}), so that
 * the store's meters sit next to the factory's: every meter is tagged {@code entityManagerFactory} with the name
 * given to the constructor, and lookups split by a {@code result} tag as {@code hibernate.second.level.cache.requests}
 * and Micrometer's {@code cache.gets} do.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>What it counts</th></tr>
 *   <tr><td>{@code hibernate.canonical.store.requests}</td><td>function counter</td><td>{@code result=hit}</td>
 *       <td>loads that handed out an existing canonical instance ({@link CanonicalStoreStatistics#hits()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.requests}</td><td>function counter</td><td>{@code result=miss}</td>
 *       <td>loads that created a canonical instance ({@link CanonicalStoreStatistics#misses()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.size}</td><td>gauge, base unit {@code objects}</td><td></td>
 *       <td>live canonical instances ({@link CanonicalStore#size()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.pins}</td><td>gauge</td><td></td>
 *       <td>pins held now ({@link CanonicalStoreStatistics#pins()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.isolations}</td><td>function counter</td><td></td>
 *       <td>private instances handed out instead of the canonical one
 *       ({@link CanonicalStoreStatistics#isolations()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.conflicts}</td><td>function counter</td><td></td>
 *       <td>committed states that could not reach the canonical instance
 *       ({@link CanonicalStoreStatistics#conflicts()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.restores}</td><td>function counter</td><td></td>
 *       <td>canonical instances put back to their committed state after a rollback
 *       ({@link CanonicalStoreStatistics#restores()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.propagations}</td><td>function counter</td><td></td>
 *       <td>committed states written into canonical instances after commit
 *       ({@link CanonicalStoreStatistics#propagations()})</td></tr>
 *   <tr><td>{@code hibernate.canonical.store.releases}</td><td>function counter</td><td></td>
 *       <td>entries removed after their instance was garbage-collected
 *       ({@link CanonicalStoreStatistics#releases()})</td></tr>
 * </table>
 *
 * <p>Counters carry no base unit, as Hibernate's and Micrometer's cache counters; the size gauge counts objects.
 * Every meter has a description. Built on the public API only.
 *
 * <p><b>References.</b> Like Micrometer's cache binders, this binder holds the store weakly, and so do the meters it
 * registers (Micrometer holds the state object of function counters and gauges weakly): a registry never keeps a
 * store, and with it its SessionFactory, alive. Once the store has been collected the meters report {@code NaN}.
 *
 * <p><b>Cost.</b> The meters are read when the registry publishes, not when the store changes. Each reading takes a
 * {@link CanonicalStore#statistics()} snapshot, which also removes some dead entries; the size gauge walks the
 * store's entries (linear in their number).
 *
 * <p><b>Thread safety.</b> Instances are immutable and safe for concurrent use; the meters may be read from any
 * thread while sessions load.
 *
 * @since 0.1.0
 */
public final class CanonicalStoreMetrics implements MeterBinder {

    private static final String PREFIX = "hibernate.canonical.store.";

    /** The tag Hibernate's {@code HibernateMetrics} puts on every meter of a factory. */
    private static final String FACTORY_TAG = "entityManagerFactory";

    private final WeakReference<CanonicalStore> store;
    private final Tags tags;

    /**
     * Creates the binder; {@link #bindTo} registers the meters.
     *
     * @param store the store to measure, for example {@code CanonicalStore.of(entityManagerFactory)}; held weakly
     * @param entityManagerFactoryName the value of the {@code entityManagerFactory} tag, as given to Hibernate's
     *     {@code HibernateMetrics} for the same factory (Spring Boot uses the bean name, without a trailing
     *     {@code entityManagerFactory})
     * @param tags further tags for every meter; may be empty
     * @throws NullPointerException if an argument is {@code null}
     */
    public CanonicalStoreMetrics(CanonicalStore store, String entityManagerFactoryName, Iterable<Tag> tags) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(entityManagerFactoryName, "entityManagerFactoryName");
        Objects.requireNonNull(tags, "tags");
        this.store = new WeakReference<>(store);
        this.tags = Tags.concat(tags, FACTORY_TAG, entityManagerFactoryName);
    }

    /**
     * Registers the meters of the table above with {@code registry}. Binding the same store and tags to a registry
     * again registers nothing new (Micrometer returns the existing meters). If the store has already been
     * garbage-collected, registers nothing.
     *
     * @param registry the registry
     * @throws NullPointerException if {@code registry} is {@code null}
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        CanonicalStore measured = store.get();
        if (measured == null) {
            return;
        }
        counter(registry, measured, "requests", CanonicalStoreStatistics::hits,
                "Loads that handed out a canonical instance already in the store", "result", "hit");
        counter(registry, measured, "requests", CanonicalStoreStatistics::misses,
                "Loads that created a canonical instance", "result", "miss");
        Gauge.builder(PREFIX + "size", measured, CanonicalStore::size)
                .tags(tags)
                .description("Live canonical instances")
                .baseUnit(BaseUnits.OBJECTS)
                .register(registry);
        Gauge.builder(PREFIX + "pins", measured, s -> s.statistics().pins())
                .tags(tags)
                .description("Pins held now on canonical instances (CanonicalStore.retain)")
                .register(registry);
        counter(registry, measured, "isolations", CanonicalStoreStatistics::isolations,
                "Private instances handed out because another open session owned the canonical instance or it had"
                        + " pending edits");
        counter(registry, measured, "conflicts", CanonicalStoreStatistics::conflicts,
                "Committed states that could not be written into a canonical instance (owned or with pending"
                        + " edits)");
        counter(registry, measured, "restores", CanonicalStoreStatistics::restores,
                "Canonical instances put back to their committed state after a rollback");
        counter(registry, measured, "propagations", CanonicalStoreStatistics::propagations,
                "Committed states written into a canonical instance by a commit through another instance");
        counter(registry, measured, "releases", CanonicalStoreStatistics::releases,
                "Entries removed after their canonical instance was garbage-collected");
    }

    private void counter(MeterRegistry registry, CanonicalStore measured, String name,
            ToLongFunction<CanonicalStoreStatistics> count, String description, String... extraTags) {
        FunctionCounter.builder(PREFIX + name, measured, s -> count.applyAsLong(s.statistics()))
                .tags(tags)
                .tags(extraTags)
                .description(description)
                .register(registry);
    }
}
