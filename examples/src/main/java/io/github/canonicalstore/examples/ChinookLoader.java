package io.github.canonicalstore.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the Chinook script with plain JDBC, before Hibernate starts, into a schema of its own that is dropped and
 * created on every run, so reruns work and other tables of the database are left alone.
 */
public final class ChinookLoader {
    /** The schema the tables go to; the persistence units name it as {@code hibernate.default_schema}. */
    public static final String SCHEMA = "chinook";

    /** The tables of the script, in the order the report lists their row counts. */
    public static final List<String> TABLES = List.of("artist", "album", "track", "genre", "media_type",
            "playlist", "playlist_track", "customer", "employee", "invoice", "invoice_line");

    private ChinookLoader() {
    }

    /**
     * Drops and creates the schema {@value #SCHEMA} and runs the script in it, in one transaction.
     *
     * @param options the database to load
     * @return the row count of each table, in the order of {@link #TABLES}
     * @throws SQLException if the database refuses a statement
     */
    public static Map<String, Integer> load(DemoOptions options) throws SQLException {
        try (Connection connection = open(options)) {
            return load(connection);
        }
    }

    /**
     * Drops and creates the schema {@value #SCHEMA} and runs the script in it, in one transaction, through a
     * connection the caller opened (a web application takes it from its pool).
     *
     * @param connection an open connection; left in manual commit mode with {@value #SCHEMA} as its current
     *     schema, and not closed
     * @return the row count of each table, in the order of {@link #TABLES}
     * @throws SQLException if the database refuses a statement
     */
    public static Map<String, Integer> load(Connection connection) throws SQLException {
        List<String> statements = SqlScript.chinook();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            connection.setSchema(SCHEMA);
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        connection.commit();
        return rowCounts(connection);
    }

    /**
     * Opens a JDBC connection to the loaded tables: its current schema is {@value #SCHEMA}.
     *
     * @param options the database, loaded by {@link #load}
     * @return a new connection; the caller closes it
     * @throws SQLException if the database cannot be reached
     */
    public static Connection connect(DemoOptions options) throws SQLException {
        Connection connection = open(options);
        connection.setSchema(SCHEMA);
        return connection;
    }

    private static Connection open(DemoOptions options) throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
    }

    private static Map<String, Integer> rowCounts(Connection connection) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }
}
