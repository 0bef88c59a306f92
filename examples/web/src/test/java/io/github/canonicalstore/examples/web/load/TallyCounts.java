package io.github.canonicalstore.examples.web.load;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a {@link Tally}.
 *
 * @param pages pages judged (status 200)
 * @param errors requests without the expected response: no response, an error status, an invalid edit accepted
 * @param wrongPages pages that differ from every rendering committed states allow
 * @param leaks pages that show another client's invalid input
 * @param validEdits valid edits saved
 * @param invalidEdits invalid edits rejected
 * @param errorsByRequest errors by method and path
 * @param wrongByPath wrong pages by path
 * @param leaksByPath leaks by path
 * @param errorSamples the first errors
 * @param wrongSamples the first wrong pages, with where they differ
 * @param leakSamples the first leaks, with the line that shows the marker
 */
public record TallyCounts(long pages, long errors, long wrongPages, long leaks, long validEdits, long invalidEdits,
        Map<String, Long> errorsByRequest, Map<String, Long> wrongByPath, Map<String, Long> leaksByPath,
        List<String> errorSamples, List<String> wrongSamples, List<String> leakSamples) {
}
