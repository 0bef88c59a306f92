package io.github.canonicalstore.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database under test, chosen by the system property {@code it.db} ({@code h2}, {@code postgresql} or
 * {@code mariadb}; Surefire runs the suite once per value). PostgreSQL and MariaDB tests are skipped with a message
 * when the server cannot be reached, unless {@code it.requireDatabases=true} (as in CI), which fails them instead.
 *
 * <p>Where the PostgreSQL or MariaDB server comes from is chosen once per test JVM, on first use, and printed:
 * <ol>
 *   <li>the server given by {@code it.postgresql.url} or {@code it.mariadb.url}, if set;</li>
 *   <li>otherwise, where a Docker engine answers, a Testcontainers container ({@value #POSTGRESQL_IMAGE},
 *       {@value #MARIADB_IMAGE}), removed when the JVM exits;</li>
 *   <li>otherwise, or if the container does not start, the local service: 127.0.0.1:5432 (user {@code postgres})
 *       or 127.0.0.1:3306 (user {@code root}), database {@code test}.</li>
 * </ol>
 */
public enum Db {
    H2, POSTGRESQL, MARIADB;

    /** The versions the README's compatibility table names. */
    static final String POSTGRESQL_IMAGE = "postgres:15";
    static final String MARIADB_IMAGE = "mariadb:10.11";

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    /** PostgreSQL's or MariaDB's server in this JVM, once chosen; never used for H2. */
    private Server server;

    public static Db current() {
        return valueOf(System.getProperty("it.db", "h2").trim().toUpperCase(Locale.ROOT));
    }

    public static boolean enhanced() {
        return Boolean.getBoolean("it.enhanced");
    }

    public String url() {
        return this == H2 ? "jdbc:h2:mem:it" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1" : server().url();
    }

    public String user() {
        return this == H2 ? "sa" : server().user();
    }

    public String password() {
        return this == H2 ? "" : server().password();
    }

    /** JPA properties that connect a persistence unit to this database. Each call on H2 names a new database. */
    public Map<String, Object> connectionProperties() {
        Map<String, Object> properties = new HashMap<>();
        String url = url();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user());
        properties.put("jakarta.persistence.jdbc.password", password());
        properties.put("it.url", url);
        return properties;
    }

    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** Skips (or, when databases are required, fails) the calling test if the server does not answer. */
    public void assumeReachable() {
        if (this == H2) {
            return;
        }
        Server server = server();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = this + " is not reachable at " + server.url() + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("it.requireDatabases")) {
                fail(message + "; it.requireDatabases=true requires it");
            }
            Assumptions.abort(message + ": its tests are skipped");
        }
    }

    private synchronized Server server() {
        if (server == null) {
            server = chooseServer();
            System.out.println("[it] " + this + ": " + server.source());
        }
        return server;
    }

    private Server chooseServer() {
        String name = name().toLowerCase(Locale.ROOT);
        String user = System.getProperty("it." + name + ".user", "").trim();
        if (user.isEmpty()) {
            user = this == POSTGRESQL ? "postgres" : "root";
        }
        String givenUrl = System.getProperty("it." + name + ".url", "").trim();
        if (!givenUrl.isEmpty()) {
            return new Server(givenUrl, user, "", "the server given by it." + name + ".url, " + givenUrl);
        }
        String localUrl = this == POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/test"
                : "jdbc:mariadb://127.0.0.1:3306/test";
        long start = System.nanoTime();
        String why;
        try {
            if (Containers.dockerAvailable()) {
                long checkMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                return Containers.start(this, checkMillis);
            }
            why = "no Docker engine answered; checked in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                    + " ms";
        } catch (RuntimeException e) {
            // An engine that answers but cannot run a container (Testcontainers' own Ryuk container, or ours).
            why = "a Docker engine answered, but Testcontainers failed after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + e;
        }
        return new Server(localUrl, user, "", "the local service at " + localUrl + " (" + why + ")");
    }

    /** Where one database's tests connect, and how that was chosen. */
    private record Server(String url, String user, String password, String source) {
    }

    /** Testcontainers, in a class of its own so that H2 runs never load it. */
    private static final class Containers {
        static boolean dockerAvailable() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        static Server start(Db db, long checkMillis) {
            JdbcDatabaseContainer<?> container = db == POSTGRESQL
                    ? new PostgreSQLContainer(POSTGRESQL_IMAGE).withDatabaseName("test").withUsername("postgres")
                    // root, as on the local service: the tenant tests create databases. Character set as there.
                    : new MariaDBContainer(MARIADB_IMAGE).withDatabaseName("test").withUsername("root")
                            .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci");
            String image = container.getDockerImageName();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "it-stop-" + image));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers container, " + image + ", at " + container.getJdbcUrl() + " (Docker answered in "
                            + checkMillis + " ms)");
        }
    }
}
