package io.github.canonicalstore.benchmarks;

import io.github.canonicalstore.benchmarks.model.Track;
import io.github.canonicalstore.benchmarks.model.VersionedTrack;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading throughput of each {@link Variant} on the same data, as ratios to plain Hibernate in the same run.
 *
 * <ul>
 *   <li>{@link #queryKept}: a JPQL query of 20,000 tracks in a fresh EntityManager per operation while the previous
 *       operation's results stay reachable: the store's hit path (and the shared caches' hit paths).
 *   <li>{@link #queryFresh}: the same query over rows that no cache knows: before each operation the store, the
 *       second-level cache and EclipseLink's shared cache are emptied and the previous results are dropped, so
 *       every row is a miss (the store creates every canonical instance).
 *   <li>{@link #find}: {@code find} by id in a fresh EntityManager per operation, cycling through the 20,000 rows,
 *       all of which were loaded once and are kept reachable (the store's and the caches' hit path).
 * </ul>
 *
 * <p>The database is embedded H2 in memory (one per benchmark JVM): it keeps the database's share of each
 * operation small and steady. Embedded H2 hands the same {@code String} objects to every session, so this
 * benchmark says nothing about memory: {@link Memory} measures that on PostgreSQL.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoadBenchmark {
    /** Rows of the table, and of each query. */
    public static final int ROWS = 20_000;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A database with {@link #ROWS} tracks and a factory of one variant, for one trial. */
    @State(Scope.Benchmark)
    public abstract static class Database {
        EntityManagerFactory factory;
        private Connection keepAlive;

        /** @return the persistence set-up under test */
        abstract Variant variant();

        /**
         * Creates and fills the database, bootstraps the factory and checks its identity semantics.
         *
         * @throws SQLException if H2 fails
         */
        @Setup(Level.Trial)
        public void open() throws SQLException {
            String url = "jdbc:h2:mem:bench" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            keepAlive = BenchData.connect(url, "sa", "");
            BenchData.create(keepAlive, ROWS);
            factory = variant().open(url, "sa", "", ROWS);
            variant().checkIdentity(factory);
            opened();
        }

        /** Called at the end of {@link #open()}. */
        void opened() {
        }

        /**
         * Closes the factory and drops the database.
         *
         * @throws SQLException if H2 fails
         */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            factory.close();
            try (var shutdown = keepAlive.createStatement()) {
                shutdown.execute("shutdown");
            }
            keepAlive.close();
        }
    }

    /** Every variant, on the unversioned {@link Track}. */
    @State(Scope.Benchmark)
    public abstract static class Orm extends Database {
        /** The persistence set-up under test; {@code HIBERNATE} is the baseline. */
        @Param({"HIBERNATE", "HIBERNATE_STORE", "HIBERNATE_L2C", "HIBERNATE_L2C_STORE", "ECLIPSELINK",
                "ECLIPSELINK_READ_ONLY"})
        public Variant variant;

        @Override
        Variant variant() {
            return variant;
        }
    }

    /**
     * The variants without a second-level cache and EclipseLink's shared instances, on {@link VersionedTrack} (the
     * second-level-cache variants would need the entity cacheable, which would change what the store does).
     */
    @State(Scope.Benchmark)
    public abstract static class VersionedOrm extends Database {
        /** The persistence set-up under test; {@code HIBERNATE} is the baseline. */
        @Param({"HIBERNATE", "HIBERNATE_STORE", "ECLIPSELINK_READ_ONLY"})
        public Variant variant;

        @Override
        Variant variant() {
            return variant;
        }
    }

    /** The previous operation's results, kept reachable. */
    @State(Scope.Benchmark)
    public static class Kept extends Orm {
        List<Track> previous = List.of();

        @Override
        void opened() {
            previous = variant.query(factory, 1, ROWS);
        }
    }

    /** Nothing kept; every cache emptied before each operation. */
    @State(Scope.Benchmark)
    public static class Fresh extends Orm {
        /** Empties the store and the caches (not measured: an operation takes tens of milliseconds). */
        @Setup(Level.Invocation)
        public void evict() {
            variant.evictCaches(factory);
        }
    }

    /** Every row loaded once and kept reachable; the next id to find. */
    @State(Scope.Benchmark)
    public static class Preloaded extends Orm {
        List<Track> all = List.of();
        int next;

        @Override
        void opened() {
            all = variant.query(factory, 1, ROWS);
        }

        int nextId() {
            int id = next + 1;
            next = id == ROWS ? 0 : id;
            return id;
        }
    }

    /** The previous operation's versioned results, kept reachable. */
    @State(Scope.Benchmark)
    public static class KeptVersioned extends VersionedOrm {
        List<VersionedTrack> previous = List.of();

        @Override
        void opened() {
            previous = variant.query(factory, VersionedTrack.class, 1, ROWS);
        }
    }

    /** Every versioned row loaded once and kept reachable; the next id to find. */
    @State(Scope.Benchmark)
    public static class PreloadedVersioned extends VersionedOrm {
        List<VersionedTrack> all = List.of();
        int next;

        @Override
        void opened() {
            all = variant.query(factory, VersionedTrack.class, 1, ROWS);
        }

        int nextId() {
            int id = next + 1;
            next = id == ROWS ? 0 : id;
            return id;
        }
    }

    /**
     * Query 20,000 rows in a fresh EntityManager; the previous results stay reachable until this one replaces them.
     *
     * @param state the factory and the kept results
     * @return the results (consumed by JMH)
     */
    @Benchmark
    public List<Track> queryKept(Kept state) {
        List<Track> tracks = state.variant.query(state.factory, 1, ROWS);
        state.previous = tracks;
        return tracks;
    }

    /**
     * Query 20,000 rows that no cache or store holds, in a fresh EntityManager.
     *
     * @param state the factory
     * @return the results (consumed by JMH, then unreachable)
     */
    @Benchmark
    public List<Track> queryFresh(Fresh state) {
        return state.variant.query(state.factory, 1, ROWS);
    }

    /**
     * Find one row by id in a fresh EntityManager.
     *
     * @param state the factory, the preloaded rows and the next id
     * @return the track (consumed by JMH)
     */
    @Benchmark
    public Track find(Preloaded state) {
        return state.variant.find(state.factory, state.nextId());
    }

    /**
     * {@link #queryKept} of the versioned entity: with the store, rows whose version is the canonical instance's are
     * not hydrated.
     *
     * @param state the factory and the kept results
     * @return the results (consumed by JMH)
     */
    @Benchmark
    public List<VersionedTrack> queryKeptVersioned(KeptVersioned state) {
        List<VersionedTrack> tracks = state.variant.query(state.factory, VersionedTrack.class, 1, ROWS);
        state.previous = tracks;
        return tracks;
    }

    /**
     * {@link #find} of the versioned entity.
     *
     * @param state the factory, the preloaded rows and the next id
     * @return the track (consumed by JMH)
     */
    @Benchmark
    public VersionedTrack findVersioned(PreloadedVersioned state) {
        return state.variant.find(state.factory, VersionedTrack.class, state.nextId());
    }
}
