package io.github.canonicalstore.examples;

import io.github.canonicalstore.CanonicalStoreStatistics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;

/** Prints the side-by-side comparison of the two runs. */
public final class Report {
    private static final String NONE = "-";

    private Report() {
    }

    /**
     * Prints the summary table, the per-type table and the notes.
     *
     * @param out where to print
     * @param plain the run without the store
     * @param canonical the run with the store
     */
    public static void print(PrintStream out, Run plain, Run canonical) {
        out.println("Results (the client's holdings after all requests; both runs made the same requests)");
        out.println();
        TextTable summary = new TextTable("", "store off", "store on");
        summary.row("requests (one session each)", count(plain.responses().size()),
                count(canonical.responses().size()));
        summary.row("result rows (sum of result sizes)", count(plain.holdings().resultRows()),
                count(canonical.holdings().resultRows()));
        summary.row("entity references held", count(plain.holdings().references().size()),
                count(canonical.holdings().references().size()));
        summary.row("distinct entity objects held", count(plain.holdings().objects()),
                count(canonical.holdings().objects()));
        summary.row("distinct rows they represent", count(plain.holdings().rows()),
                count(canonical.holdings().rows()));
        summary.row("heap reachable from held entities (*)", mib(plain.heapBytes()), mib(canonical.heapBytes()));
        summary.row("wall time of the requests", millis(plain.wallNanos()), millis(canonical.wallNanos()));
        summary.row("store hits", stat(plain, CanonicalStoreStatistics::hits),
                stat(canonical, CanonicalStoreStatistics::hits));
        summary.row("store misses", stat(plain, CanonicalStoreStatistics::misses),
                stat(canonical, CanonicalStoreStatistics::misses));
        summary.row("store isolations", stat(plain, CanonicalStoreStatistics::isolations),
                stat(canonical, CanonicalStoreStatistics::isolations));
        summary.row("store releases", stat(plain, CanonicalStoreStatistics::releases),
                stat(canonical, CanonicalStoreStatistics::releases));
        summary.row("store size (live canonical instances)", size(plain), size(canonical));
        out.print(summary.render("  "));
        out.println();

        TextTable types = new TextTable("per entity type", "rows (off)", "objects (off)", "rows (on)",
                "objects (on)");
        for (Class<?> type : ChinookDemo.ENTITY_TYPES) {
            types.row(type.getSimpleName(), count(plain.holdings().rows(type)), count(plain.holdings().objects(type)),
                    count(canonical.holdings().rows(type)), count(canonical.holdings().objects(type)));
        }
        types.row("all types", count(plain.holdings().rows()), count(plain.holdings().objects()),
                count(canonical.holdings().rows()), count(canonical.holdings().objects()));
        out.print(types.render("  "));
        out.println();

        if (canonical.holdings().objects() > 0 && canonical.heapBytes() > 0) {
            out.printf(Locale.ROOT, "With the store on, the client holds %.1fx fewer objects and %.1fx less heap "
                            + "for the same rows.%n",
                    (double) plain.holdings().objects() / canonical.holdings().objects(),
                    (double) plain.heapBytes() / canonical.heapBytes());
            out.println();
        }
        out.println("""
                (*) Shallow sizes (JOL) of every object reachable from the held entities, each counted once: their
                    fields, strings, numbers, dates, Hibernate proxies and persistent collections. Not counted:
                    classes, Hibernate's metadata, the client's own lists. The figure is for this database: on
                    embedded H2 an entity's strings are the very String objects H2 keeps in its in-memory tables,
                    so duplicates of a row share them; over a network database (PostgreSQL) every load reads new
                    strings, and the plain run's figure is larger.
                Store counters: hits = loads that handed out the row's existing canonical instance; misses = loads
                that created it; isolations = private instances because another open session owned the canonical
                one (none here: one session at a time); releases = entries dropped after their instance was
                garbage-collected.""");
    }

    private static String stat(Run run, Function<CanonicalStoreStatistics, Long> counter) {
        return run.statistics() == null ? NONE : count(counter.apply(run.statistics()));
    }

    private static String size(Run run) {
        return run.storeSize() < 0 ? NONE : count(run.storeSize());
    }

    /**
     * Word-wraps {@code text} to lines of at most {@code width} characters (longer words stay whole).
     *
     * @param first the text before the first line
     * @param next the text before every other line
     * @param text the text
     * @param width the line width, prefixes included
     * @return the lines, joined with line separators, without a final one
     */
    static String wrap(String first, String next, String text, int width) {
        StringBuilder out = new StringBuilder(first);
        int lineStart = 0;
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (!lineEmpty && out.length() - lineStart + 1 + word.length() > width) {
                out.append(System.lineSeparator());
                lineStart = out.length();
                out.append(next);
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
            }
            out.append(word);
            lineEmpty = false;
        }
        return out.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
    }
}
