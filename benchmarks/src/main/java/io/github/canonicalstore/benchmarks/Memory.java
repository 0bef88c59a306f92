package io.github.canonicalstore.benchmarks;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.benchmarks.model.Track;
import io.github.canonicalstore.examples.HeapMeter;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.tools.Server;

/**
 * The heap that {@value #DEFAULT_SESSIONS} sessions' results occupy when each loads the same
 * {@value #DEFAULT_ROWS} rows and every result list is kept, per {@link Variant}; and the bytes a store entry costs
 * over a {@code ConcurrentHashMap} entry. A plain main program (not a JMH benchmark); {@link Suite} runs it in its
 * own JVM (serial collector, so that the heap used after {@code System.gc()} is exact).
 *
 * <p>Two figures per variant:
 * <ul>
 *   <li><b>results</b>: the sizes of every object reachable from the 16 result lists (lists included), each counted
 *       once, by a JOL walk that stops at classes and ORM infrastructure ({@link HeapMeter});
 *   <li><b>heap delta</b>: heap used after a full collection once the 16 sessions are closed, minus heap used before
 *       they started: the results plus whatever the variant keeps for them (store entries, second-level cache
 *       entries, EclipseLink's shared cache).
 * </ul>
 *
 * <p>Runs on PostgreSQL ({@code 127.0.0.1:5432}, user {@code postgres}, database {@code test}; its own
 * {@code bench_} tables) when it answers, otherwise on H2 over TCP with {@code -Dh2.objectCache=false}: embedded H2
 * would hand every session the same {@code String} objects and understate plain Hibernate's heap.
 *
 * <p>Arguments: {@code -db auto|pg|h2}, {@code -rows N}, {@code -sessions N}, {@code -out FILE} (tab-separated
 * results for {@link Suite}).
 */
public final class Memory {
    /** Rows each session loads. */
    public static final int DEFAULT_ROWS = 20_000;
    /** Sessions whose results are kept. */
    public static final int DEFAULT_SESSIONS = 16;
    /** Entries of the map-entry measurement. */
    public static final int MAP_ENTRIES = 100_000;

    /**
     * No binary transfer: once pgjdbc prepares a statement on the server (after 5 executions of the same SQL on a
     * connection) it reads NUMERIC in binary and builds each {@code BigDecimal} on a {@code BigInteger} (64 bytes
     * more per value); whether that happens depends on how an ORM reuses statements, not on how it keeps entities.
     * In text, every variant's {@code BigDecimal}s are compact.
     */
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?binaryTransfer=false";

    private final HeapMeter meter = HeapMeter.create();
    private final List<String> tsv = new ArrayList<>();
    private String database = "";

    private Memory() {
    }

    /**
     * Runs the measurement and prints its table.
     *
     * @param args see the class comment
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("h2.objectCache", "false"); // before H2 reads its settings (Suite passes it too)
        Logging.configure();
        String db = "auto";
        int rows = DEFAULT_ROWS;
        int sessions = DEFAULT_SESSIONS;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-db" -> db = args[++i];
                case "-rows" -> rows = Integer.parseInt(args[++i]);
                case "-sessions" -> sessions = Integer.parseInt(args[++i]);
                case "-out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected -db auto|pg|h2, -rows N, -sessions N, -out FILE");
            }
        }
        Memory memory = new Memory();
        memory.run(db, rows, sessions);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, memory.tsv, StandardCharsets.UTF_8);
        }
    }

    private void run(String db, int rows, int sessions) throws Exception {
        Server h2 = null;
        String url;
        String user;
        String password;
        if (!db.equals("h2") && postgresAnswers()) {
            url = PG_URL;
            user = "postgres";
            password = "";
            database = "PostgreSQL " + databaseVersion(url, user, password)
                    + " (127.0.0.1:5432; pgjdbc binaryTransfer=false)";
        } else if (db.equals("pg")) {
            throw new IllegalStateException("PostgreSQL does not answer at " + PG_URL);
        } else {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:bench;DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
            database = "H2 " + org.h2.engine.Constants.VERSION + " over TCP, h2.objectCache="
                    + System.getProperty("h2.objectCache");
        }
        try {
            try (Connection connection = BenchData.connect(url, user, password)) {
                BenchData.create(connection, rows);
            }
            System.out.printf(Locale.ROOT, "%nMemory: %d sessions, each loading the same %,d rows and keeping its "
                    + "results; %s; %s%n", sessions, rows, database, Runtime.version());
            row("memory", "-", "database", database);
            System.out.printf(Locale.ROOT, "%-22s %12s %14s %10s %14s %10s %12s%n", "variant", "distinct",
                    "results (MB)", "objects", "heap delta", "store", "store B/ent");
            for (Variant variant : Variant.values()) {
                measure(variant, url, user, password, rows, sessions);
            }
            mapEntries();
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    private static boolean postgresAnswers() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", "")) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String databaseVersion(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void measure(Variant variant, String url, String user, String password, int rows, int sessions)
            throws InterruptedException {
        EntityManagerFactory factory = variant.open(url, user, password, rows);
        try {
            variant.checkIdentity(factory);
            variant.query(factory, 1, rows); // warm up: query plans, metadata, pools
            variant.evictCaches(factory);
            CanonicalStore store = variant.usesStore() ? CanonicalStore.of(factory) : null;
            long storeBefore = store == null ? 0 : meter.walk(List.of(store), Set.of()).bytes();

            long before = usedHeapAfterGc();
            List<List<Track>> kept = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                kept.add(variant.query(factory, 1, rows));
            }
            long after = usedHeapAfterGc();

            Set<Object> tracks = Collections.newSetFromMap(new IdentityHashMap<>());
            for (List<Track> result : kept) {
                if (result.size() != rows) {
                    throw new IllegalStateException(variant + ": " + result.size() + " rows instead of " + rows);
                }
                tracks.addAll(result);
            }
            Set<Object> reached = Collections.newSetFromMap(new IdentityHashMap<>());
            HeapMeter.Footprint results = meter.walk(kept, Set.of(), reached);
            int entries = store == null ? 0 : store.size();
            // What the store adds to the results: its walk without anything the results reach (the instances, and
            // the field values that a snapshot of a row's state shares with its instance).
            double perEntry = store == null ? Double.NaN
                    : (double) (meter.walk(List.of(store), reached).bytes() - storeBefore) / entries;

            row("memory", variant.name(), "distinctTracks", tracks.size());
            row("memory", variant.name(), "resultsBytes", results.bytes());
            row("memory", variant.name(), "resultsObjects", results.objects());
            row("memory", variant.name(), "heapDeltaBytes", after - before);
            row("memory", variant.name(), "storeEntries", entries);
            row("memory", variant.name(), "storeBytesPerEntry", perEntry);
            System.out.printf(Locale.ROOT, "%-22s %,12d %14.1f %,10d %11.1f MB %,10d %12s%n", variant,
                    tracks.size(), results.bytes() / 1e6, results.objects(), (after - before) / 1e6, entries,
                    store == null ? "-" : String.format(Locale.ROOT, "%.1f", perEntry));
            java.lang.ref.Reference.reachabilityFence(kept);
        } finally {
            factory.close();
        }
    }

    /** Bytes per entry of each map kind, keys and values not counted (they are the same objects for all). */
    private void mapEntries() {
        System.out.printf(Locale.ROOT, "%nBytes per entry, %,d entries, Long keys and values not counted%n",
                MAP_ENTRIES);
        Row[] values = new Row[MAP_ENTRIES];
        Set<Object> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MapKind kind : new MapKind[] {MapKind.CONCURRENT_HASH_MAP, MapKind.CANONICAL_MAP,
                MapKind.CAFFEINE_WEAK_VALUES, MapKind.GUAVA_WEAK_INTERNER}) {
            MapKind.Store empty = kind.create();
            long emptyBytes = meter.walk(List.of(empty.target()), Set.of()).bytes();
            MapKind.Store store = kind.create();
            excluded.clear();
            for (int i = 0; i < MAP_ENTRIES; i++) {
                Long key = (1L << 40) + i;
                values[i] = new Row(key);
                store.insert(key, values[i], MapKind.ENDED);
                excluded.add(key);
                excluded.add(values[i]);
            }
            double perEntry = (double) (meter.walk(List.of(store.target()), excluded).bytes() - emptyBytes)
                    / MAP_ENTRIES;
            row("entry", kind.name(), "bytesPerEntry", perEntry);
            System.out.printf(Locale.ROOT, "%-22s %8.1f B%n", kind, perEntry);
            java.lang.ref.Reference.reachabilityFence(store);
        }
        java.lang.ref.Reference.reachabilityFence(values);
    }

    /**
     * Heap used after full collections, once it no longer changes: objects reachable only from finalizable or
     * cleanable objects (JDBC and zip resources) need a collection, a finalizer or cleaner run, and another
     * collection before they go.
     */
    private static long usedHeapAfterGc() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            System.runFinalization();
            Thread.sleep(100);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }

    private void row(String kind, String name, String metric, Object value) {
        tsv.add(kind + "\t" + name + "\t" + metric + "\t" + value);
    }

    /**
     * Reads the results that {@link #main} wrote.
     *
     * @param file the {@code -out} file
     * @return its lines
     * @throws IOException if it cannot be read
     */
    static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

}
