package io.github.canonicalstore.benchmarks;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.benchmarks.model.Album;
import io.github.canonicalstore.benchmarks.model.Genre;
import io.github.canonicalstore.benchmarks.model.Track;
import io.github.canonicalstore.benchmarks.model.VersionedTrack;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.spi.PersistenceProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.jpa.JpaHelper;

/**
 * The persistence set-ups that the loading and memory benchmarks compare, each a way to get entities out of the
 * same tables: plain Hibernate (the baseline), Hibernate with the canonical store, Hibernate with the second-level
 * cache (JCache with Caffeine) without and with the store, and EclipseLink with its shared cache, without and with
 * the {@code eclipselink.read-only} query hint (which hands out the shared cache's instances themselves).
 *
 * <p>Every operation runs in a fresh {@link EntityManager} that is closed afterwards, without a transaction (a
 * read needs none, and a commit would add a flush that dirty-checks every loaded entity).
 */
public enum Variant {
    /** Plain Hibernate: the baseline. */
    HIBERNATE(false, false, false, false),
    /** Hibernate with {@code hibernate.canonical_store.enabled=true}. */
    HIBERNATE_STORE(false, true, false, false),
    /** Hibernate with the second-level cache (JCache, Caffeine; read-write), no store. */
    HIBERNATE_L2C(false, false, true, false),
    /** Hibernate with the second-level cache and the store. */
    HIBERNATE_L2C_STORE(false, true, true, false),
    /** EclipseLink 5 with its shared cache (on by default), results copied into each EntityManager. */
    ECLIPSELINK(true, false, true, false),
    /** EclipseLink 5 with its shared cache and {@code eclipselink.read-only=true}: shared instances. */
    ECLIPSELINK_READ_ONLY(true, false, true, true);

    /** JPQL of the loading benchmarks, after the entity name: one contiguous range of ids. */
    private static final String RANGE = " t where t.id between :first and :last";

    private final boolean eclipseLink;
    private final boolean store;
    private final boolean cache;
    private final boolean readOnly;

    Variant(boolean eclipseLink, boolean store, boolean cache, boolean readOnly) {
        this.eclipseLink = eclipseLink;
        this.store = store;
        this.cache = cache;
        this.readOnly = readOnly;
    }

    /** @return whether this variant uses the canonical store */
    public boolean usesStore() {
        return store;
    }

    /** @return whether loads of a row in different EntityManagers hand out one instance */
    public boolean sharesInstances() {
        return store || readOnly;
    }

    /**
     * Bootstraps a factory for the benchmark tables (which must exist: it never generates a schema).
     *
     * @param url JDBC URL
     * @param user database user
     * @param password its password
     * @param rows how many tracks the tables hold (EclipseLink's shared cache is sized to hold them all)
     * @return a new factory
     */
    public EntityManagerFactory open(String url, String user, String password, int rows) {
        Logging.configure();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", password);
        properties.put("jakarta.persistence.jdbc.driver",
                url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver");
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        PersistenceProvider provider;
        if (eclipseLink) {
            provider = new org.eclipse.persistence.jpa.PersistenceProvider();
            properties.put("eclipselink.weaving", "false");
            properties.put("eclipselink.logging.level", "WARNING");
            // "Reverting the lazy setting on the ... ManyToOne attribute": expected without weaving (see Track).
            properties.put("eclipselink.logging.level.metadata", "SEVERE");
            // The default SOFT_WEAK map keeps only the 100 most recently used instances strongly (softly): sized to
            // the data, the shared cache holds every row, as Hibernate's second-level cache does.
            properties.put("eclipselink.cache.size.default", Integer.toString(2 * rows));
        } else {
            provider = new org.hibernate.jpa.HibernatePersistenceProvider();
            properties.put("hibernate.canonical_store.enabled", Boolean.toString(store));
            properties.put("hibernate.cache.use_second_level_cache", Boolean.toString(cache));
            properties.put("hibernate.cache.use_query_cache", "false");
            if (cache) {
                properties.put("hibernate.cache.region.factory_class", "jcache");
                properties.put("hibernate.javax.cache.provider",
                        "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
                // the regions are configured in application.conf (store by reference): fail if one is missing
                properties.put("hibernate.javax.cache.missing_cache_strategy", "fail");
                properties.put("hibernate.cache.default_cache_concurrency_strategy", "read-write");
            }
        }
        PersistenceConfiguration configuration = new PersistenceConfiguration("bench-" + name().toLowerCase())
                .managedClass(Track.class)
                .managedClass(VersionedTrack.class)
                .managedClass(Album.class)
                .managedClass(Genre.class)
                .sharedCacheMode(cache ? SharedCacheMode.ENABLE_SELECTIVE : SharedCacheMode.NONE)
                .properties(properties);
        EntityManagerFactory factory = provider.createEntityManagerFactory(configuration);
        if (store) {
            CanonicalStore.of(factory); // fails fast if the extension is not on the class path or not switched on
        }
        return factory;
    }

    /**
     * Loads tracks {@code first} to {@code last} with one JPQL query in a fresh EntityManager.
     *
     * @param factory the factory
     * @param first the first id
     * @param last the last id, inclusive
     * @return the tracks, in the order the database returned them
     */
    public List<Track> query(EntityManagerFactory factory, int first, int last) {
        return query(factory, Track.class, first, last);
    }

    /**
     * Loads rows {@code first} to {@code last} of {@code bench_track} as {@code type} with one JPQL query in a fresh
     * EntityManager.
     *
     * @param <T> {@link Track} or {@link VersionedTrack}
     * @param factory the factory
     * @param type the entity class, whose simple name is its entity name
     * @param first the first id
     * @param last the last id, inclusive
     * @return the rows, in the order the database returned them
     */
    public <T> List<T> query(EntityManagerFactory factory, Class<T> type, int first, int last) {
        EntityManager em = factory.createEntityManager();
        try {
            TypedQuery<T> query = em.createQuery("select t from " + type.getSimpleName() + RANGE, type)
                    .setParameter("first", first)
                    .setParameter("last", last);
            if (readOnly) {
                query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
            }
            return query.getResultList();
        } finally {
            em.close();
        }
    }

    /**
     * Finds one track by id in a fresh EntityManager.
     *
     * @param factory the factory
     * @param id the id
     * @return the track, or {@code null} if there is no such row
     */
    public Track find(EntityManagerFactory factory, int id) {
        return find(factory, Track.class, id);
    }

    /**
     * Finds one row of {@code bench_track} as {@code type} by id in a fresh EntityManager.
     *
     * @param <T> {@link Track} or {@link VersionedTrack}
     * @param factory the factory
     * @param type the entity class
     * @param id the id
     * @return the row, or {@code null} if there is none
     */
    public <T> T find(EntityManagerFactory factory, Class<T> type, int id) {
        EntityManager em = factory.createEntityManager();
        try {
            return readOnly
                    ? em.find(type, id, Map.<String, Object>of(QueryHints.READ_ONLY, HintValues.TRUE))
                    : em.find(type, id);
        } finally {
            em.close();
        }
    }

    /**
     * Empties every cache of the variant: the canonical store, the second-level cache, EclipseLink's shared cache.
     *
     * @param factory the factory
     */
    public void evictCaches(EntityManagerFactory factory) {
        if (store) {
            CanonicalStore.of(factory).evictAll();
        }
        if (eclipseLink) {
            // Cache.evictAll() only invalidates EclipseLink's cached objects, which stay in its identity maps
            JpaHelper.getEntityManagerFactory(factory).getServerSession().getIdentityMapAccessor()
                    .initializeAllIdentityMaps();
        } else if (cache) {
            factory.getCache().evictAll();
        }
    }

    /**
     * Checks that the variant behaves as its name says: two loads of a row in different EntityManagers give one
     * instance with the store or the read-only hint, two instances otherwise. A benchmark of a misconfigured
     * variant (say, the store not found on the class path) fails instead of measuring the wrong thing.
     *
     * @param factory the factory
     * @throws IllegalStateException if it does not
     */
    public void checkIdentity(EntityManagerFactory factory) {
        List<Track> first = query(factory, 1, 10);
        List<Track> second = query(factory, 1, 10);
        Track found = find(factory, 1);
        if (first.size() != 10 || second.size() != 10 || found == null) {
            throw new IllegalStateException(this + ": expected 10 rows, got " + first.size() + " and " + second.size());
        }
        boolean shared = first.get(0) == second.get(0) && second.get(0) == found;
        if (shared != sharesInstances()) {
            throw new IllegalStateException(this + ": loads in two EntityManagers gave "
                    + (shared ? "one instance" : "two instances"));
        }
    }
}
