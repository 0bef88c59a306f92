package io.github.canonicalstore.examples.web.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one run saw: counts, per page, and the first {@value #SAMPLES} samples of each problem.
 * Thread-safe: every client adds to it.
 */
public final class Tally {
    /** How many samples of each problem are kept. */
    static final int SAMPLES = 5;

    private final LongAdder pages = new LongAdder();
    private final LongAdder validEdits = new LongAdder();
    private final LongAdder invalidEdits = new LongAdder();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> wrong = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> leaks = new ConcurrentHashMap<>();
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final List<String> wrongSamples = new CopyOnWriteArrayList<>();
    private final List<String> leakSamples = new CopyOnWriteArrayList<>();

    /**
     * Counts a judged page.
     *
     * @param phase when it was loaded ({@code alone}, {@code load}, {@code after}, {@code editor})
     * @param path the page's path
     * @param verdict how it compared
     */
    public void page(String phase, String path, Verdict verdict) {
        pages.increment();
        switch (verdict.kind()) {
            case WRONG -> add(wrong, wrongSamples, path, phase + " " + path + ": " + verdict.detail());
            case LEAK -> add(leaks, leakSamples, path, phase + " " + path + ": " + verdict.detail());
            case RIGHT -> { }
            default -> throw new IllegalStateException("unknown verdict " + verdict.kind());
        }
    }

    /**
     * Counts a request that failed: no response, or one with an unexpected status or content.
     *
     * @param phase when it was made
     * @param request the method and path
     * @param what what came back instead
     */
    public void error(String phase, String request, String what) {
        add(errors, errorSamples, request, phase + " " + request + ": " + what);
    }

    /** Counts a valid edit that was saved. */
    public void validEdit() {
        validEdits.increment();
    }

    /** Counts an invalid edit that was rejected. */
    public void invalidEdit() {
        invalidEdits.increment();
    }

    /** @return the counts and samples so far */
    public TallyCounts snapshot() {
        return new TallyCounts(pages.sum(), sum(errors), sum(wrong), sum(leaks), validEdits.sum(),
                invalidEdits.sum(), byPath(errors), byPath(wrong), byPath(leaks), List.copyOf(errorSamples),
                List.copyOf(wrongSamples), List.copyOf(leakSamples));
    }

    private static void add(ConcurrentMap<String, LongAdder> counts, List<String> samples, String key,
            String sample) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (samples.size() < SAMPLES) {
            samples.add(sample);
        }
    }

    private static long sum(Map<String, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> byPath(Map<String, LongAdder> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((path, count) -> result.put(path, count.sum()));
        return result;
    }
}
