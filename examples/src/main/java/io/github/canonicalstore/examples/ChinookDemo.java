package io.github.canonicalstore.examples;

import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.Artist;
import io.github.canonicalstore.examples.chinook.Customer;
import io.github.canonicalstore.examples.chinook.Employee;
import io.github.canonicalstore.examples.chinook.Genre;
import io.github.canonicalstore.examples.chinook.Invoice;
import io.github.canonicalstore.examples.chinook.InvoiceLine;
import io.github.canonicalstore.examples.chinook.MediaType;
import io.github.canonicalstore.examples.chinook.Playlist;
import io.github.canonicalstore.examples.chinook.Track;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Version;

/**
 * The demo: the same session-per-request workload on the Chinook database, once with plain Hibernate and once with
 * the canonical store, then a side-by-side report and identity checks. Exits with status 1 if an identity check of
 * the canonical run fails, 2 for a wrong argument or an unreachable database.
 */
public final class ChinookDemo {
    /** The persistence unit without the store. */
    public static final String PLAIN_UNIT = "chinook-plain";
    /** The persistence unit with {@code hibernate.canonical_store.enabled=true}. */
    public static final String CANONICAL_UNIT = "chinook-canonical";
    /** The entity classes, in the order the report lists them. */
    public static final List<Class<?>> ENTITY_TYPES = List.of(Artist.class, Album.class, Track.class, Genre.class,
            MediaType.class, Playlist.class, Customer.class, Employee.class, Invoice.class, InvoiceLine.class);

    private static final int WARM_UP_REQUESTS = 100;
    private static final int WIDTH = 100;
    private static final String INDENT = " ".repeat(11);

    private ChinookDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args see {@link DemoOptions#USAGE}
     * @throws SQLException if the Chinook tables cannot be read after loading
     */
    public static void main(String[] args) throws SQLException {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ChinookDemo: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        int status = run(options, System.out);
        if (status != 0) {
            System.exit(status); // under exec:java this ends Maven with the same status
        }
    }

    /**
     * Loads the data, runs the workload twice, prints the report and the checks.
     *
     * @param options the command line
     * @param out where the report goes
     * @return 0 if every identity check passed, 1 if one failed, 2 if the database could not be loaded
     * @throws SQLException if the Chinook tables cannot be read after loading
     */
    public static int run(DemoOptions options, PrintStream out) throws SQLException {
        printHeader(out, options);
        long loadStart = System.nanoTime();
        Map<String, Integer> rowCounts;
        try {
            rowCounts = ChinookLoader.load(options);
        } catch (SQLException e) {
            System.err.println("ChinookDemo: cannot load the Chinook script into " + options.jdbcUrl() + ": "
                    + e.getMessage());
            return 2;
        }
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        Catalog catalog;
        String database;
        try (Connection connection = ChinookLoader.connect(options)) {
            catalog = Catalog.read(connection);
            DatabaseMetaData meta = connection.getMetaData();
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
        out.println(Report.wrap("Database : ", INDENT, database + (options.isH2() ? ", embedded, in memory" : ""),
                WIDTH));
        out.println(Report.wrap("JDBC URL : ", INDENT, options.jdbcUrl(), WIDTH));
        out.println("Hibernate: " + Version.getVersionString());
        out.println(Report.wrap("Chinook  : ", INDENT, "loaded in " + Report.count(loadMillis)
                + " ms into schema \"" + ChinookLoader.SCHEMA + "\": " + rowCounts.entrySet().stream()
                        .map(e -> Report.count(e.getValue()) + " " + e.getKey())
                        .collect(Collectors.joining(", ")), WIDTH));

        List<Request> requests = Workload.plan(catalog, options.requests(), options.seed());
        out.println(Report.wrap("Workload : ", INDENT, requests.size() + " requests, seed " + options.seed() + ": "
                + requests.stream().collect(Collectors.groupingBy(Request::kind, Collectors.counting()))
                        .entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")), WIDTH));
        HeapMeter meter = HeapMeter.create();
        List<Request> warmUp = requests.subList(0, Math.min(WARM_UP_REQUESTS, requests.size()));
        warmUp(options, PLAIN_UNIT, warmUp);
        warmUp(options, CANONICAL_UNIT, warmUp);
        out.println(Report.wrap("Warm-up  : ", INDENT, "the first " + warmUp.size() + " requests on a throwaway "
                + "factory of each unit (JIT), not measured", WIDTH));
        out.println();

        try (EntityManagerFactory plainFactory = factory(options, PLAIN_UNIT);
                EntityManagerFactory canonicalFactory = factory(options, CANONICAL_UNIT)) {
            Run plain = Run.execute(PLAIN_UNIT, plainFactory, requests, meter);
            Run canonical = Run.execute(CANONICAL_UNIT, canonicalFactory, requests, meter);
            Report.print(out, plain, canonical);
            out.println();
            IdentityChecks checks = IdentityChecks.run(plain, canonical, catalog);
            out.println("Identity checks, store on (" + CANONICAL_UNIT + "):");
            checks.lines().forEach(line -> out.println(Report.wrap("  ", " ".repeat(12), line, WIDTH)));
            out.println();
            out.println("Contrast, store off (" + PLAIN_UNIT + "), same requests:");
            checks.contrast().forEach(line -> out.println(Report.wrap("  ", " ".repeat(6), line, WIDTH)));
            out.println();
            if (checks.failed() == 0) {
                out.println("All " + checks.passed() + " identity checks passed.");
                return 0;
            }
            out.println(checks.failed() + " of " + (checks.passed() + checks.failed())
                    + " identity checks FAILED.");
            return 1;
        }
    }

    private static void printHeader(PrintStream out, DemoOptions options) {
        String rule = "=".repeat(100);
        out.println(rule);
        out.println(" canonical-store-hibernate demo: one Java object per database row, across Hibernate sessions");
        out.println(rule);
        out.println("""
                A desktop-style client sends %d requests to the Chinook music store (top tracks, playlists,
                invoices, albums, genre pages, employees, tracks by id). Each request runs in its own EntityManager
                and transaction (session-per-request), and the client keeps every entity it gets back, as a desktop
                client keeps what it shows. The same requests run twice:
                  store off  unit %-17s  plain Hibernate: every session loads its own copy of a row
                  store on   unit %-17s  hibernate.canonical_store.enabled=true: one object per row,
                                                     shared by all sessions of the factory
                """.formatted(options.requests(), PLAIN_UNIT, CANONICAL_UNIT));
    }

    private static void warmUp(DemoOptions options, String unit, List<Request> requests) {
        try (EntityManagerFactory factory = factory(options, unit)) {
            MusicStoreClient client = new MusicStoreClient(factory);
            for (int i = 0; i < requests.size(); i++) {
                client.execute(i, requests.get(i));
            }
        }
    }

    private static EntityManagerFactory factory(DemoOptions options, String unit) {
        return Persistence.createEntityManagerFactory(unit, Map.of(
                "jakarta.persistence.jdbc.url", options.jdbcUrl(),
                "jakarta.persistence.jdbc.user", options.user(),
                "jakarta.persistence.jdbc.password", options.password()));
    }
}
