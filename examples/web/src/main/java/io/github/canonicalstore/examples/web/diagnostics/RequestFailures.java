package io.github.canonicalstore.examples.web.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Counts the exceptions that escaped requests, by root cause: its class and message with numbers and hash codes
 * replaced by {@code N}, so that the same failure on different rows or pool states counts as one kind.
 * Thread-safe. Keeps at most {@value #MAX_KINDS} signatures (a failure of an unseen kind beyond that counts under
 * {@value #OTHER}), so that a long run cannot grow it without bound.
 */
@Component
public class RequestFailures {
    /** How many distinct signatures are kept. */
    static final int MAX_KINDS = 100;
    /** The signature of failures past {@link #MAX_KINDS}. */
    static final String OTHER = "(other)";
    private static final int MESSAGE_LENGTH = 300;
    /** Enough frames of a root cause to see which Hibernate path threw, and from which request code. */
    private static final int FRAMES = 25;
    private static final Pattern VARYING = Pattern.compile("@[0-9a-f]{4,}|\\d+");

    private final ConcurrentMap<String, Kind> kinds = new ConcurrentHashMap<>();

    /**
     * Records a failed request.
     *
     * @param path the request's path
     * @param failure what it threw
     */
    public void record(String path, Throwable failure) {
        String signature = signature(failure);
        if (kinds.size() >= MAX_KINDS && !kinds.containsKey(signature)) {
            signature = OTHER;
        }
        kinds.computeIfAbsent(signature, s -> new Kind(message(root(failure)), chain(failure), path, frames(failure)))
                .count.incrementAndGet();
    }

    /** @return the failures so far, the most frequent first */
    public List<RequestFailure> snapshot() {
        List<RequestFailure> failures = new ArrayList<>();
        kinds.forEach((signature, kind) ->
                failures.add(new RequestFailure(signature, kind.count.get(), kind.example, kind.chain,
                        kind.firstPath, kind.rootFrames)));
        failures.sort(Comparator.comparingLong(RequestFailure::count).reversed()
                .thenComparing(RequestFailure::signature));
        return failures;
    }

    static String signature(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getName() + ": " + VARYING.matcher(message(root)).replaceAll("N");
    }

    private static String message(Throwable root) {
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "..." : message;
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String frames(Throwable failure) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = root(failure).getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
            frames.append("at ").append(trace[i]).append('\n');
        }
        return frames.toString();
    }

    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (chain.length() > 0) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static final class Kind {
        final AtomicLong count = new AtomicLong();
        final String example;
        final String chain;
        final String firstPath;
        final String rootFrames;

        Kind(String example, String chain, String firstPath, String rootFrames) {
            this.example = example;
            this.chain = chain;
            this.firstPath = firstPath;
            this.rootFrames = rootFrames;
        }
    }
}
