package io.github.canonicalstore.examples.web.load;

/**
 * One kind of exception that escaped requests in the server, as {@code GET /diagnostics} reports it.
 *
 * @param signature the root cause's class and message
 * @param count how many requests failed with it
 * @param example the first such root cause's message as it was
 * @param chain the exception classes from the outermost to the root cause
 * @param firstPath the path of the first such request
 * @param rootFrames the innermost frames of the root cause
 */
public record ServerFailure(String signature, long count, String example, String chain, String firstPath,
        String rootFrames) {
}
