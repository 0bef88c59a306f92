package io.github.canonicalstore.examples.web.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats load results: a table per configuration with its evidence, and a summary across configurations. */
public final class ResultTable {
    private static final int LABEL = 52;
    private static final int FRAMES_SHOWN = 10;

    private ResultTable() {
    }

    /**
     * @param result one configuration's result
     * @return its table, then its evidence: problems by page, the server's exceptions and samples
     */
    public static String format(LoadResult result) {
        LoadSettings settings = result.settings();
        TallyCounts tally = result.tally();
        StoreCounters store = result.storeDuringLoad();
        ServerSnapshot server = result.server();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== %s (%s; %d readers x %d pages, 1 editor, %d edits, %d s limit)%n",
                result.configuration().label(), settings.database().label(), settings.readers(),
                settings.pagesPerReader(), settings.edits(), settings.timeLimit().toSeconds()));
        long loadMillis = Math.max(1, result.loadTime().toMillis());
        row(out, "concurrent phase", String.format(Locale.ROOT, "%.1f s", loadMillis / 1000.0));
        row(out, "pages judged (alone, load, editor, after)", count(tally.pages()));
        row(out, "errors (no response, error status, bad edit reply)", count(tally.errors()));
        row(out, "wrong pages", count(tally.wrongPages()));
        row(out, "invalid input seen by another client", count(tally.leaks()));
        row(out, "edits saved / invalid edits rejected", tally.validEdits() + " / " + tally.invalidEdits());
        row(out, "server: requests failed with an exception",
                count(server.failures().stream().mapToLong(ServerFailure::count).sum()));
        row(out, "server: loads through another thread's session", count(server.foreignSessionUses()));
        row(out, "server: connections in use after the run", server.connectionsInUse() < 0 ? "unknown"
                : count(server.connectionsInUse()));
        if (store.enabled()) {
            row(out, "store during load: hits / misses / isolations",
                    count(store.hits()) + " / " + count(store.misses()) + " / " + count(store.isolations()));
            row(out, "sharing ratio hits/(hits+misses+isolations)",
                    String.format(Locale.ROOT, "%.3f", store.sharingRatio()));
            row(out, "conflicts / releases / restores / propagations", store.conflicts() + " / "
                    + store.releases() + " / " + store.restores() + " / " + store.propagations());
            row(out, "live canonical instances at the end of the load", count(store.size()));
        } else {
            row(out, "store", "off");
        }
        evidence(out, result);
        return out.toString();
    }

    /**
     * @param results the results of several configurations
     * @return one line per configuration with the counts that matter
     */
    public static String summary(List<LoadResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-36s %7s %7s %6s %8s %8s %9s %8s %10s %9s %8s%n", "configuration", "errors", "wrong", "leaks",
                "srv.exc", "foreign", "hits", "misses", "isolations", "conflicts", "sharing"));
        for (LoadResult result : results) {
            StoreCounters store = result.storeDuringLoad();
            out.append(String.format(Locale.ROOT, "%-36s %7d %7d %6d %8d %8d %9s %8s %10s %9s %8s%n",
                    result.configuration().label(), result.tally().errors(), result.tally().wrongPages(),
                    result.tally().leaks(), result.server().failures().stream().mapToLong(ServerFailure::count).sum(),
                    result.server().foreignSessionUses(), store.enabled() ? count(store.hits()) : "-",
                    store.enabled() ? count(store.misses()) : "-", store.enabled() ? count(store.isolations()) : "-",
                    store.enabled() ? count(store.conflicts()) : "-",
                    store.enabled() ? String.format(Locale.ROOT, "%.3f", store.sharingRatio()) : "-"));
        }
        return out.toString();
    }

    private static void evidence(StringBuilder out, LoadResult result) {
        TallyCounts tally = result.tally();
        byPath(out, "errors by request", tally.errorsByRequest());
        byPath(out, "wrong pages by path", tally.wrongByPath());
        byPath(out, "leaks by path", tally.leaksByPath());
        for (ServerFailure failure : result.server().failures()) {
            out.append("server exception, ").append(failure.count()).append(" x ").append(failure.signature())
                    .append("\n    first: ").append(failure.example())
                    .append("\n    on ").append(failure.firstPath()).append("; chain: ")
                    .append(failure.chain()).append('\n');
            failure.rootFrames().lines().limit(FRAMES_SHOWN).forEach(line -> out.append("      ").append(line)
                    .append('\n'));
        }
        samples(out, "loads through another thread's session", result.server().foreignSessionSamples());
        samples(out, "errors", tally.errorSamples());
        samples(out, "wrong pages", tally.wrongSamples());
        samples(out, "leaks", tally.leakSamples());
    }

    private static void byPath(StringBuilder out, String title, Map<String, Long> counts) {
        if (!counts.isEmpty()) {
            out.append(title).append(": ");
            counts.forEach((path, count) -> out.append(path).append(' ').append(count).append("; "));
            out.setLength(out.length() - 2);
            out.append('\n');
        }
    }

    private static void samples(StringBuilder out, String title, List<String> samples) {
        if (!samples.isEmpty()) {
            out.append("sample ").append(title).append(":\n");
            for (String sample : samples) {
                sample.lines().forEach(line -> out.append("    ").append(line).append('\n'));
            }
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format(Locale.ROOT, "%-" + LABEL + "s", label)).append(' ').append(value)
                .append('\n');
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
