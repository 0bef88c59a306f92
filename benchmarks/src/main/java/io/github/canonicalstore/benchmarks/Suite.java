package io.github.canonicalstore.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and prints one table of ratios to the baselines, with the targets: the JMH benchmarks
 * ({@link LoadBenchmark}, {@link StoreBenchmark}, {@link ClearBenchmark}) through JMH's {@link Runner}, then
 * {@link Memory} in its own JVM.
 *
 * <p>Arguments:
 * <ul>
 *   <li>{@code -mode quick} (default: 1 fork, 6 warm-up and 5 measurement iterations of 1 s, longer warm-up for
 *       {@code find}, shorter iterations for the store alone; about 7 minutes on 2 cores), {@code -mode full} (3
 *       forks, 5 warm-up and 5 measurement iterations of 2 s; about 40 minutes) or {@code -mode smoke} (one iteration
 *       of 0.2 s: checks that everything runs; its numbers mean nothing);
 *   <li>{@code -include REGEX}: only the JMH benchmarks whose name matches (repeatable), e.g.
 *       {@code -include LoadBenchmark.find};
 *   <li>{@code -no-jmh}, {@code -no-memory}: skip a part;
 *   <li>{@code -prof NAME}: a JMH profiler for every benchmark ({@code gc}, {@code stack}, {@code jfr}, ...);
 *   <li>{@code -db auto|pg|h2}: the memory measurement's database (auto: PostgreSQL if it answers, otherwise H2 over
 *       TCP);
 *   <li>{@code -out DIR}: where the table, JMH's JSON and the memory results go (default {@code target/bench}).
 * </ul>
 *
 * <p>Exits with 1 if a benchmark failed to run, not if a target is missed: a MISS is a result.
 */
public final class Suite {
    private Suite() {
    }

    /**
     * Runs the suite.
     *
     * @param args see the class comment
     * @throws Exception if JMH or the memory program cannot run
     */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String mode = "quick";
        List<String> includes = new ArrayList<>();
        List<String> profilers = new ArrayList<>();
        boolean jmh = true;
        boolean memory = true;
        String db = "auto";
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-mode" -> mode = args[++i];
                case "-include" -> includes.add(args[++i]);
                case "-prof" -> profilers.add(args[++i]);
                case "-no-jmh" -> jmh = false;
                case "-no-memory" -> memory = false;
                case "-db" -> db = args[++i];
                case "-out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected -mode "
                        + "quick|full, -include REGEX, -prof NAME, -no-jmh, -no-memory, -db auto|pg|h2, -out DIR");
            }
        }
        if (!List.of("quick", "full", "smoke").contains(mode)) {
            throw new IllegalArgumentException("-mode must be quick, full or smoke, not " + mode);
        }
        Files.createDirectories(out);

        Collection<RunResult> results = jmh ? runJmh(mode, includes, profilers, out) : List.of();
        List<String> memoryRows = memory ? runMemory(db, out) : List.of();

        Report report = new Report(mode, results, memoryRows, jmh && includes.isEmpty());
        String table = report.render(System.nanoTime() - start);
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println("(also in " + out.resolve("results.md") + ")");
        if (report.failures() > 0) {
            System.exit(1);
        }
    }

    /**
     * How long one group of benchmarks runs: forks, warm-up and measurement iterations, and their length (ignored
     * by single-shot benchmarks, whose iterations are one operation each).
     */
    private record Plan(String name, String include, int forks, int warmups, TimeValue warmupTime,
            int measurements, TimeValue measurementTime) {
    }

    /**
     * The groups and their lengths per mode. Hibernate's load path reaches its steady speed after some 5 to 6
     * seconds of queries, and after some 100,000 {@code find}s (up to 10 seconds here), so those warm up longest.
     * The store's operations take nanoseconds: half a second holds millions of them. Quick mode measures 5
     * iterations rather than 3: with 3, JMH's 99.9% error (Student's t for 2 degrees of freedom is 31.6) is wider
     * than most scores on a shared 2-core machine.
     */
    private static List<Plan> plans(String mode, List<String> includes) {
        String load = LoadBenchmark.class.getName();
        String store = StoreBenchmark.class.getName() + "\\.";
        String clear = ClearBenchmark.class.getName() + "\\.";
        TimeValue s1 = TimeValue.seconds(1);
        TimeValue s2 = TimeValue.seconds(2);
        TimeValue ms500 = TimeValue.milliseconds(500);
        TimeValue ms200 = TimeValue.milliseconds(200);
        if (!includes.isEmpty()) {
            String regex = String.join("|", includes);
            return switch (mode) {
                case "full" -> List.of(new Plan("selected", regex, 3, 5, s2, 5, s2));
                case "smoke" -> List.of(new Plan("selected", regex, 1, 1, ms200, 1, ms200));
                default -> List.of(new Plan("selected", regex, 1, 2, s1, 3, s1));
            };
        }
        return switch (mode) {
            case "full" -> List.of(
                    new Plan("queries", load + "\\.query", 3, 5, s2, 5, s2),
                    new Plan("find", load + "\\.find", 3, 10, s2, 5, s2),
                    new Plan("store", store, 3, 5, s1, 5, s1),
                    new Plan("clear", clear, 3, 2, s1, 10, s1));
            case "smoke" -> List.of(
                    new Plan("queries", load + "\\.query", 1, 1, ms200, 1, ms200),
                    new Plan("find", load + "\\.find", 1, 1, ms200, 1, ms200),
                    new Plan("store", store, 1, 1, ms200, 1, ms200),
                    new Plan("clear", clear, 1, 0, ms200, 1, ms200));
            default -> List.of(
                    new Plan("queries", load + "\\.query", 1, 6, s1, 5, s1),
                    new Plan("find", load + "\\.find", 1, 10, s1, 5, s1),
                    new Plan("store", store, 1, 3, ms500, 5, ms500),
                    new Plan("clear", clear, 1, 1, s1, 5, s1));
        };
    }

    private static Collection<RunResult> runJmh(String mode, List<String> includes, List<String> profilers,
            Path out) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        for (Plan plan : plans(mode, includes)) {
            System.out.printf("%n# Suite: %s (%s), %d fork(s), %d warm-up and %d measurement iterations%n",
                    plan.name(), plan.include(), plan.forks(), plan.warmups(), plan.measurements());
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(plan.include())
                    .forks(plan.forks())
                    .warmupIterations(plan.warmups())
                    .warmupTime(plan.warmupTime())
                    .measurementIterations(plan.measurements())
                    .measurementTime(plan.measurementTime())
                    // pages touched at start-up, not in the measurement (first touches are slow on a virtual machine)
                    .jvmArgs("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Dorg.jboss.logging.provider=slf4j")
                    .shouldFailOnError(false)
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh-" + plan.name() + ".json").toString());
            profilers.forEach(options::addProfiler);
            results.addAll(new Runner(options.build()).run());
        }
        return results;
    }

    /** Runs {@link Memory} in a JVM of its own (serial collector: exact heap figures after a full collection). */
    private static List<String> runMemory(String db, Path out) throws IOException, InterruptedException {
        Path tsv = out.resolve("memory.tsv");
        Files.deleteIfExists(tsv);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms2g", "-Xmx2g", "-XX:+UseSerialGC",
                "-Dh2.objectCache=false", "-Dorg.jboss.logging.provider=slf4j",
                // JOL reads @Contended padding (LongAdder cells) through a JDK-internal annotation
                "--add-exports", "java.base/jdk.internal.vm.annotation=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Memory.class.getName(),
                "-db", db, "-out", tsv.toString()));
        System.out.println("\n# Memory: " + String.join(" ", command.subList(0, 8)) + " ... " + Memory.class.getName());
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the memory measurement did not finish within 20 minutes");
        }
        if (process.exitValue() != 0 || !Files.exists(tsv)) {
            System.err.println("the memory measurement failed with exit code " + process.exitValue());
            return List.of("error\t-\tmemory\t" + process.exitValue());
        }
        return Memory.read(tsv);
    }
}
