package io.github.canonicalstore.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The suite's table: every result with its ratio to the baseline of the same run, and every target as PASS or
 * MISS. Ratios are point estimates (score over baseline score); the JMH errors (99.9% confidence) say how far to
 * trust them.
 */
final class Report {
    /** One JMH score. */
    private record Score(double score, double error, String unit) {
    }

    /** A target: a ratio and the bound it must meet. */
    private record Target(String name, double ratio, double bound, boolean atLeast) {
        boolean met() {
            return atLeast ? ratio >= bound : ratio <= bound;
        }

        String result() {
            return Double.isNaN(ratio) ? "n/a" : met() ? "PASS" : "MISS";
        }
    }

    private static final String[] LOADS = {"queryKept", "queryFresh", "find", "queryKeptVersioned", "findVersioned"};
    private static final String[] LOAD_LABELS = {
        "load 20k rows, results kept (hit path)", "load 20k rows, nothing cached (miss path)", "find by id (hit path)",
        "load 20k versioned rows, results kept (hit path)", "find versioned by id (hit path)",
    };
    /** The least ratio of the store to plain Hibernate for each of {@link #LOADS}. */
    private static final double[] LOAD_BOUNDS = {0.95, 0.95, 0.95, 1.2, 0.95};
    private static final Variant[] VERSIONED_VARIANTS =
        {Variant.HIBERNATE, Variant.HIBERNATE_STORE, Variant.ECLIPSELINK_READ_ONLY};
    private static final String[] STORE_OPS = {"lookupOneThread", "lookupTwoThreads", "insertOneThread",
        "insertTwoThreads"};
    private static final String[] STORE_LABELS = {"lookup, 1 thread", "lookup, 2 threads", "insert, 1 thread",
        "insert, 2 threads"};

    private final String mode;
    private final Map<String, Score> scores = new HashMap<>(); // "method/variant" -> score
    private final Map<String, String> memory = new HashMap<>(); // "kind/name/metric" -> value
    private final List<Target> targets = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final boolean memoryFailed;
    private final boolean expectAll;
    private int failures;

    /**
     * @param mode the suite's mode
     * @param results JMH's results
     * @param memoryRows what {@link Memory} wrote, or nothing if it did not run
     * @param expectAll whether every benchmark was run, so that a missing one is a failure
     */
    Report(String mode, Collection<RunResult> results, List<String> memoryRows, boolean expectAll) {
        this.mode = mode;
        this.expectAll = expectAll;
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String variant = params.getParam("variant") != null ? params.getParam("variant") : params.getParam("map");
            Result<?> primary = result.getPrimaryResult();
            scores.put(method + "/" + variant,
                    new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        boolean failed = false;
        for (String line : memoryRows) {
            String[] cells = line.split("\t", 4);
            if (cells[0].equals("error")) {
                failed = true;
            } else {
                memory.put(cells[0] + "/" + cells[1] + "/" + cells[2], cells[3]);
            }
        }
        this.memoryFailed = failed;
    }

    /** @return the benchmarks that should have a score and have none, and a failed memory run */
    int failures() {
        return failures;
    }

    String render(long wallNanos) {
        rows.clear();
        targets.clear();
        failures = memoryFailed ? 1 : 0;
        loading();
        store();
        clear();
        memory();

        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "## Benchmark results (%s mode)%n%n", mode));
        text.append(String.format(Locale.ROOT, "Machine: %d cores, %s, %s %s; wall time of the suite %d min %02d s.%n",
                Runtime.getRuntime().availableProcessors(), physicalMemory(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), wallNanos / 60_000_000_000L,
                wallNanos / 1_000_000_000L % 60));
        text.append("Loading: embedded H2 in memory. Memory: ")
                .append(memory.getOrDefault("memory/-/database", "not run")).append(".\n\n");
        text.append("| benchmark | variant | score ± error | unit | ratio | target | result |\n");
        text.append("| --- | --- | ---: | --- | ---: | --- | --- |\n");
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("\n### Targets\n\n| target | measured | result |\n| --- | ---: | --- |\n");
        for (Target target : targets) {
            text.append(String.format(Locale.ROOT, "| %s | %.3f | %s |%n", target.name(), target.ratio(),
                    target.result()));
        }
        long missed = targets.stream().filter(t -> !Double.isNaN(t.ratio()) && !t.met()).count();
        text.append(String.format(Locale.ROOT, "%n%d of %d targets met, %d missed%s.%n",
                targets.size() - missed - targets.stream().filter(t -> Double.isNaN(t.ratio())).count(),
                targets.size(), missed, failures > 0 ? "; " + failures + " benchmark(s) FAILED to run" : ""));
        return text.toString();
    }

    private void loading() {
        for (int i = 0; i < LOADS.length; i++) {
            String method = LOADS[i];
            Variant[] variants = method.endsWith("Versioned") ? VERSIONED_VARIANTS : Variant.values();
            if (!present(method, variants)) {
                continue;
            }
            Score baseline = scores.get(method + "/" + Variant.HIBERNATE);
            for (Variant variant : variants) {
                Score score = scores.get(method + "/" + variant);
                double ratio = ratio(score, baseline);
                String target = "";
                String result = "";
                if (variant == Variant.HIBERNATE_STORE) {
                    String bound = String.format(Locale.ROOT, "≥ %s", LOAD_BOUNDS[i]);
                    Target t = new Target(LOAD_LABELS[i] + ": store / plain Hibernate " + bound, ratio,
                            LOAD_BOUNDS[i], true);
                    targets.add(t);
                    target = bound;
                    result = t.result();
                }
                row(LOAD_LABELS[i], variant.name(), score, ratio, variant == Variant.HIBERNATE, target, result);
            }
        }
    }

    private void store() {
        for (int i = 0; i < STORE_OPS.length; i++) {
            String method = STORE_OPS[i];
            if (!present(method, MapKind.values())) {
                continue;
            }
            Score baseline = scores.get(method + "/" + MapKind.CONCURRENT_HASH_MAP);
            Score caffeine = scores.get(method + "/" + MapKind.CAFFEINE_WEAK_VALUES);
            for (MapKind kind : MapKind.values()) {
                Score score = scores.get(method + "/" + kind);
                double ratio = ratio(score, baseline);
                String target = "";
                String result = "";
                if (kind == MapKind.CANONICAL_MAP && method.startsWith("lookup")) {
                    Target chm = new Target("store " + STORE_LABELS[i] + ": CanonicalMap / ConcurrentHashMap ≥ 0.5",
                            ratio, 0.5, true);
                    double overCaffeine = ratio(score, caffeine);
                    Target weak = new Target("store " + STORE_LABELS[i] + ": CanonicalMap / Caffeine weakValues ≥ 1",
                            overCaffeine, 1.0, true);
                    targets.add(chm);
                    targets.add(weak);
                    target = String.format(Locale.ROOT, "≥ 0.5; ≥ Caffeine (%.2f×)", overCaffeine);
                    result = chm.result() + ", " + weak.result();
                }
                row("store " + STORE_LABELS[i], kind.name(), score, ratio, kind == MapKind.CONCURRENT_HASH_MAP,
                        target, result);
            }
        }
    }

    private void clear() {
        MapKind[] kinds = {MapKind.CONCURRENT_HASH_MAP, MapKind.CANONICAL_MAP, MapKind.CAFFEINE_WEAK_VALUES};
        if (!present("clear", kinds)) {
            return;
        }
        Score baseline = scores.get("clear/" + MapKind.CONCURRENT_HASH_MAP);
        for (MapKind kind : kinds) {
            Score score = scores.get("clear/" + kind);
            String label = kind == MapKind.CONCURRENT_HASH_MAP ? "remove 1M keys one by one" : "cleanUp() of 1M dead";
            row("clear 1,000,000 entries (" + label + ")", kind.name(), score, ratio(score, baseline),
                    kind == MapKind.CONCURRENT_HASH_MAP, "lower is better", "");
        }
    }

    private void memory() {
        if (memory.isEmpty()) {
            return;
        }
        String[][] metrics = {
            {"resultsBytes", "retained heap of 16 sessions' results (JOL walk)"},
            {"heapDeltaBytes", "heap delta after GC (results + store/caches)"},
        };
        for (String[] metric : metrics) {
            double baseline = number("memory/" + Variant.HIBERNATE + "/" + metric[0]);
            double readOnly = number("memory/" + Variant.ECLIPSELINK_READ_ONLY + "/" + metric[0]);
            for (Variant variant : Variant.values()) {
                double bytes = number("memory/" + variant + "/" + metric[0]);
                double ratio = bytes / baseline;
                String target = "";
                String result = "";
                if (variant == Variant.HIBERNATE_STORE) {
                    Target tenth = new Target(metric[1] + ": store / plain Hibernate ≤ 0.10", ratio, 0.10, false);
                    Target eclipse = new Target(metric[1] + ": store / EclipseLink read-only ≤ 1",
                            bytes / readOnly, 1.0, false);
                    targets.add(tenth);
                    targets.add(eclipse);
                    target = String.format(Locale.ROOT, "≤ 0.10; ≤ EclipseLink read-only (%.2f×)", bytes / readOnly);
                    result = tenth.result() + ", " + eclipse.result();
                }
                rows.add(String.format(Locale.ROOT, "| %s | %s | %.2f | MB | %.3f | %s | %s |", metric[1], variant,
                        bytes / 1e6, ratio, target, result));
            }
        }
        for (Variant variant : Variant.values()) {
            rows.add(String.format(Locale.ROOT, "| distinct Track instances in 16 × 20,000 results | %s | %,.0f | "
                    + "objects | %.3f | | |", variant, number("memory/" + variant + "/distinctTracks"),
                    number("memory/" + variant + "/distinctTracks")
                            / number("memory/" + Variant.HIBERNATE + "/distinctTracks")));
        }
        double chm = number("entry/" + MapKind.CONCURRENT_HASH_MAP + "/bytesPerEntry");
        for (MapKind kind : new MapKind[] {MapKind.CONCURRENT_HASH_MAP, MapKind.CANONICAL_MAP,
                MapKind.CAFFEINE_WEAK_VALUES, MapKind.GUAVA_WEAK_INTERNER}) {
            double bytes = number("entry/" + kind + "/bytesPerEntry");
            rows.add(String.format(Locale.ROOT, "| bytes per entry (100k entries; keys, values not counted) | %s | "
                    + "%.1f | B | %.3f | %s | |", kind, bytes, bytes / chm,
                    kind == MapKind.CONCURRENT_HASH_MAP ? "" : String.format(Locale.ROOT, "%+.1f B over CHM",
                            bytes - chm)));
        }
        for (Variant variant : new Variant[] {Variant.HIBERNATE_STORE, Variant.HIBERNATE_L2C_STORE}) {
            double bytes = number("memory/" + variant + "/storeBytesPerEntry");
            rows.add(String.format(Locale.ROOT, "| bytes per store entry in Hibernate (key, id, entry; beyond the "
                    + "results) | %s | %.1f | B | %.3f | %s | |", variant, bytes, bytes / chm,
                    String.format(Locale.ROOT, "%+.1f B over CHM", bytes - chm)));
        }
    }

    private boolean present(String method, Enum<?>[] variants) {
        boolean any = false;
        for (Enum<?> variant : variants) {
            any |= scores.containsKey(method + "/" + variant.name());
        }
        if (any || expectAll) {
            for (Enum<?> variant : variants) {
                if (!scores.containsKey(method + "/" + variant.name())) {
                    failures++;
                }
            }
        }
        return any || expectAll;
    }

    private void row(String benchmark, String variant, Score score, double ratio, boolean baseline, String target,
            String result) {
        if (score == null) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | FAILED | | | %s | %s |", benchmark, variant, target,
                    result.isEmpty() ? "" : "n/a"));
            return;
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s ± %s | %s | %s | %s | %s |", benchmark, variant,
                number(score.score()), number(score.error()), score.unit(),
                baseline ? "1 (baseline)" : String.format(Locale.ROOT, "%.3f", ratio), target, result));
    }

    private static double ratio(Score score, Score baseline) {
        return score == null || baseline == null ? Double.NaN : score.score() / baseline.score();
    }

    private double number(String key) {
        String value = memory.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.3f", value);
    }

    private static String physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.0f GiB RAM", os.getTotalMemorySize() / (double) (1L << 30));
        }
        return "RAM unknown";
    }
}
