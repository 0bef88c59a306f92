package io.github.canonicalstore.examples.web.diagnostics;

/**
 * One kind of exception that escaped requests.
 *
 * @param signature the root cause's class and the first line of its message, numbers replaced by {@code N}
 * @param count how many requests failed with it
 * @param example the first such root cause's message as it was
 * @param chain the class names from the outermost exception to the root cause, of the first such failure
 * @param firstPath the request path of the first such failure
 * @param rootFrames the innermost frames of the first such failure's root cause, one per line
 */
public record RequestFailure(String signature, long count, String example, String chain, String firstPath,
        String rootFrames) {
}
