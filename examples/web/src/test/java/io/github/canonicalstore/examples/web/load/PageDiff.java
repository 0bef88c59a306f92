package io.github.canonicalstore.examples.web.load;

import java.util.List;

/** Shows where two pages differ: the first differing line with a few lines around it, from each. */
public final class PageDiff {
    private static final int BEFORE = 2;
    private static final int AFTER = 4;

    private PageDiff() {
    }

    /**
     * @param expected the page that was expected
     * @param actual the page that came
     * @return the lines around the first difference, {@code -} expected and {@code +} actual, or an empty string if
     *     they are equal
     */
    public static String between(String expected, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int first = 0;
        while (first < want.size() && first < got.size() && want.get(first).equals(got.get(first))) {
            first++;
        }
        StringBuilder diff = new StringBuilder();
        diff.append("first difference at line ").append(first + 1).append(" (expected ").append(want.size())
                .append(" lines, got ").append(got.size()).append(")\n");
        for (int i = Math.max(0, first - BEFORE); i < first; i++) {
            diff.append("   ").append(want.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(want.size(), first + AFTER); i++) {
            diff.append(" - ").append(want.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(got.size(), first + AFTER); i++) {
            diff.append(" + ").append(got.get(i)).append('\n');
        }
        if (first >= got.size()) {
            diff.append(" + (the page ends here)\n");
        }
        return diff.toString();
    }
}
