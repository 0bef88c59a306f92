package io.github.canonicalstore.examples.web.load;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the application keeps its data during a load run: the application's default (embedded H2) or another
 * database by JDBC URL.
 *
 * @param url the JDBC URL, or {@code null} for the application's default
 * @param user the user, or {@code null} for the application's default
 * @param password the password, or {@code null} for the application's default
 */
public record Database(@Nullable String url, @Nullable String user, @Nullable String password) {

    /** @return the application's own database, embedded H2 */
    public static Database embedded() {
        return new Database(null, null, null);
    }

    /** @return the application's command-line arguments that select this database */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (url != null) {
            arguments.add("--spring.datasource.url=" + url);
        }
        if (user != null) {
            arguments.add("--spring.datasource.username=" + user);
        }
        if (password != null) {
            arguments.add("--spring.datasource.password=" + password);
        }
        return arguments;
    }

    /** @return how reports name it */
    public String label() {
        return url == null ? "embedded H2" : url;
    }
}
