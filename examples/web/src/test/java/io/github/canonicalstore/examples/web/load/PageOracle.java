package io.github.canonicalstore.examples.web.load;

import java.util.Map;

/**
 * Judges pages. A page is right when, with the edited first names replaced by placeholders
 * ({@link EditLog#normalise}), it equals the same page rendered alone before the load; it is a leak when it shows
 * a marker of an invalid submission ({@link EditLog#INVALID_PREFIX}), which no committed state holds. Thread-safe.
 */
public final class PageOracle {
    private static final int EXCERPT = 80;

    private final Map<String, String> alone;
    private final EditLog edits;

    /**
     * @param alone each page's rendering alone, by path
     * @param edits the editor's submissions
     */
    public PageOracle(Map<String, String> alone, EditLog edits) {
        this.alone = Map.copyOf(alone);
        this.edits = edits;
    }

    /**
     * @param path the page's path; one of those rendered alone
     * @param page what a client got with status 200
     * @return the verdict
     * @throws IllegalArgumentException if the page was not rendered alone
     */
    public Verdict judge(String path, String page) {
        String reference = alone.get(path);
        if (reference == null) {
            throw new IllegalArgumentException("no rendering alone of " + path);
        }
        int marker = page.indexOf(EditLog.INVALID_PREFIX);
        if (marker >= 0) {
            return new Verdict(Verdict.Kind.LEAK, excerpt(page, marker));
        }
        String diff = PageDiff.between(edits.normalise(reference), edits.normalise(page));
        return diff.isEmpty() ? Verdict.right() : new Verdict(Verdict.Kind.WRONG, diff);
    }

    private static String excerpt(String page, int at) {
        int from = Math.max(0, page.lastIndexOf('\n', at) + 1);
        int to = page.indexOf('\n', at);
        String line = page.substring(from, to < 0 ? page.length() : to).strip();
        return line.length() > 2 * EXCERPT ? line.substring(0, 2 * EXCERPT) + "..." : line;
    }
}
