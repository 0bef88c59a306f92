package io.github.canonicalstore.examples.web.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the editing client submitted: the first names it saved for each customer, which pages may show, and the
 * markers of its invalid submissions, which no other client's page may show. Thread-safe: the editor writes while
 * readers judge.
 *
 * <p>Valid first names are {@code Name-<customer>-<n>}; every invalid submission carries {@code INVALID-<n>} in every
 * field it sets, so one search finds any of them.
 */
public final class EditLog {
    /** What every invalid value starts with. */
    public static final String INVALID_PREFIX = "INVALID-";

    private final Map<Integer, Set<String>> firstNames = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * A new valid first name for a customer, allowed on every page from now on (before it is submitted: a page
     * rendered while its transaction commits may show it).
     *
     * @param customer the customer's id
     * @return the name
     */
    public String allowNextFirstName(int customer) {
        String name = "Name-" + customer + "-" + next.getAndIncrement();
        firstNames.computeIfAbsent(customer, c -> ConcurrentHashMap.newKeySet()).add(name);
        return name;
    }

    /** @return a new marker for an invalid submission, {@code INVALID-<n>} */
    public String nextInvalidMarker() {
        return INVALID_PREFIX + next.getAndIncrement();
    }

    /**
     * Replaces, in a page, every first name that was ever allowed for an edited customer by a placeholder naming
     * the customer, so that pages rendered in different committed states compare equal. A name that was never
     * allowed stays, and makes the page differ.
     *
     * @param page the page
     * @return the page with placeholders
     */
    public String normalise(String page) {
        String result = page;
        for (Map.Entry<Integer, Set<String>> entry : firstNames.entrySet()) {
            List<String> names = new ArrayList<>(entry.getValue());
            names.sort(Comparator.comparingInt(String::length).reversed());
            Pattern any = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:"
                    + names.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}-])");
            result = any.matcher(result).replaceAll("{first name of customer " + entry.getKey() + "}");
        }
        return result;
    }
}
