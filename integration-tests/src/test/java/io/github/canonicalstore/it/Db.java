package io.github.canonicalstore.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The database under test, chosen by the system property {@code it.db} ({@code h2}, {@code postgresql} or
 * {@code mariadb}; Surefire runs the suite once per value). PostgreSQL and MariaDB tests are skipped with a message
 * when the server cannot be reached, unless {@code it.requireDatabases=true} (as in CI), which fails them instead.
 */
public enum Db {
    H2, POSTGRESQL, MARIADB;

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    public static Db current() {
        return valueOf(System.getProperty("it.db", "h2").trim().toUpperCase(Locale.ROOT));
    }

    public static boolean enhanced() {
        return Boolean.getBoolean("it.enhanced");
    }

    public String url() {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:it" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> System.getProperty("it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
            case MARIADB -> System.getProperty("it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
        };
    }

    public String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRESQL -> System.getProperty("it.postgresql.user", "postgres");
            case MARIADB -> System.getProperty("it.mariadb.user", "root");
        };
    }

    public String password() {
        return "";
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
        String url = url();
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = this + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("it.requireDatabases")) {
                fail(message + "; it.requireDatabases=true requires it");
            }
            Assumptions.abort(message + ": its tests are skipped");
        }
    }
}
