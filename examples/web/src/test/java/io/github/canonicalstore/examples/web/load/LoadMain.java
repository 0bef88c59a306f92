package io.github.canonicalstore.examples.web.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The long mode of the load test: every configuration in turn with {@link LoadSettings#longMode()} (or what the
 * arguments say), a table per configuration as it finishes, and a summary. Exits with status 0 if every
 * configuration was clean, 1 if one was not, 2 for a wrong argument. Run it with
 * {@code ./mvnw -q -Pload -pl examples/web -am verify -Dload.args="..."}.
 */
public final class LoadMain {
    /** The usage text. */
    static final String USAGE = """
            Usage: LoadMain [--readers N] [--pages N] [--edits N] [--seconds S] [--seed S]
                            [--configurations NAME,...] [--jdbc-url URL] [--user NAME] [--password SECRET]
              --readers         concurrent reading clients (default 20)
              --pages           pages per reader at most (default 1500)
              --edits           edits of the editing client at most (default 600)
              --seconds         time limit of each concurrent phase (default 300)
              --seed            seed of the readers' choice of pages (default 42)
              --configurations  of STORE_OFF, FACTORY_SCOPE_OSIV_OFF, FACTORY_SCOPE_OSIV_ON (default: all)
              --jdbc-url        database instead of embedded H2, e.g. jdbc:postgresql://127.0.0.1:5432/test
              --user, --password  its credentials
            """;

    private static final List<String> OPTIONS = List.of("--readers", "--pages", "--edits", "--seconds", "--seed",
            "--configurations", "--jdbc-url", "--user", "--password");

    private LoadMain() {
    }

    /**
     * Runs the long mode.
     *
     * @param args see {@link #USAGE}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        LoadSettings settings;
        List<LoadConfiguration> configurations;
        try {
            Map<String, String> options = options(args);
            settings = settings(options);
            configurations = configurations(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<LoadResult> results = new ArrayList<>();
        for (LoadConfiguration configuration : configurations) {
            LoadResult result = LoadRun.run(configuration, settings);
            results.add(result);
            System.out.println(ResultTable.format(result));
        }
        System.out.println("Summary (errors, wrong pages, leaks of invalid input to other clients, server exceptions,"
                + " loads through another thread's session; store counters of the concurrent phase):");
        System.out.print(ResultTable.summary(results));
        System.exit(results.stream().allMatch(LoadResult::clean) ? 0 : 1);
    }

    static Map<String, String> options(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    static LoadSettings settings(Map<String, String> options) {
        LoadSettings defaults = LoadSettings.longMode();
        return new LoadSettings(
                Integer.parseInt(options.getOrDefault("--readers", String.valueOf(defaults.readers()))),
                Integer.parseInt(options.getOrDefault("--pages", String.valueOf(defaults.pagesPerReader()))),
                Integer.parseInt(options.getOrDefault("--edits", String.valueOf(defaults.edits()))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds",
                        String.valueOf(defaults.timeLimit().toSeconds())))),
                Long.parseLong(options.getOrDefault("--seed", String.valueOf(defaults.seed()))),
                new Database(options.get("--jdbc-url"), options.get("--user"), options.get("--password")));
    }

    static List<LoadConfiguration> configurations(Map<String, String> options) {
        String names = options.get("--configurations");
        if (names == null) {
            return List.of(LoadConfiguration.values());
        }
        List<LoadConfiguration> configurations = new ArrayList<>();
        for (String name : names.split(",")) {
            configurations.add(LoadConfiguration.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        }
        return configurations;
    }
}
