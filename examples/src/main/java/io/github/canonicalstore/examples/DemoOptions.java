package io.github.canonicalstore.examples;

import java.util.Locale;

/**
 * The demo's command line: where the database is and how much work to do.
 *
 * @param jdbcUrl the JDBC URL; the default is an embedded in-memory H2 database in PostgreSQL mode
 * @param user the database user
 * @param password the database password
 * @param requests how many requests (sessions) each run makes
 * @param seed the seed of the workload's random choices; the same seed gives the same requests
 */
public record DemoOptions(String jdbcUrl, String user, String password, int requests, long seed) {

    /** The embedded database of the default run: H2 in PostgreSQL compatibility mode, kept open until exit. */
    public static final String H2_URL =
            "jdbc:h2:mem:chinook;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The usage text printed by {@code --help} and after a wrong argument. */
    public static final String USAGE = """
            Usage: ChinookDemo [--jdbc-url URL] [--user NAME] [--password SECRET] [--requests N] [--seed S]
              --jdbc-url  JDBC URL of the database (default: embedded H2, in memory)
                          e.g. jdbc:postgresql://127.0.0.1:5432/test; the demo (re)creates the schema "chinook"
              --user      database user (default: sa for H2)
              --password  database password (default: empty)
              --requests  requests per run, each in its own session (default: 400)
              --seed      seed of the workload (default: 42)
            With Maven: ./mvnw -q -Pdemo -pl examples -am verify -Ddemo.args="--jdbc-url ... --user ..."
            """;

    /** Checks the values. */
    public DemoOptions {
        if (requests < 1) {
            throw new IllegalArgumentException("--requests must be at least 1, got " + requests);
        }
    }

    /**
     * Parses {@code --name value} and {@code --name=value} arguments.
     *
     * @param args the command line
     * @return the options, defaults for those not given
     * @throws IllegalArgumentException for an unknown option, a missing value or a malformed number
     */
    public static DemoOptions parse(String... args) {
        String url = H2_URL;
        String user = null;
        String password = "";
        int requests = 400;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value after " + name);
            }
            switch (name) {
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--requests" -> requests = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (user == null) {
            user = url.startsWith("jdbc:h2:") ? "sa" : "";
        }
        return new DemoOptions(url, user, password, requests, seed);
    }

    /** @return whether the database is an embedded H2 database */
    public boolean isH2() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        // never print the password
        return "DemoOptions[jdbcUrl=" + jdbcUrl + ", user=" + user + ", requests=" + requests + ", seed=" + seed + "]";
    }
}
