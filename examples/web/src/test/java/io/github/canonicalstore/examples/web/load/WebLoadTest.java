package io.github.canonicalstore.examples.web.load;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The short mode of the load test (issue #10), for {@code ./mvnw verify}: in each configuration, 20 clients with
 * their own HTTP sessions load hot pages while one client submits valid and invalid edits, and every page must be
 * one that committed states allow (or, in the factory scope, that the editor's uncommitted input allows). Correctness only, never a timing: the counts are bounded, and the time limit
 * only stops the clients.
 */
class WebLoadTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadConfiguration.class)
    void concurrentClientsGetNoErrorNoWrongPageAndNoOtherClientsInvalidInput(LoadConfiguration configuration)
            throws InterruptedException {
        LoadResult result = LoadRun.run(configuration, LoadSettings.shortMode());
        String report = ResultTable.format(result);
        System.out.println(report);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(result.tally().pages()).as("pages judged").isGreaterThan(HotPages.PATHS.size() * 2L);
        softly.assertThat(result.tally().validEdits()).as("valid edits saved").isPositive();
        softly.assertThat(result.tally().invalidEdits()).as("invalid edits rejected").isPositive();
        softly.assertThat(result.tally().errors()).as("errors (no response, error status, bad edit reply)").isZero();
        softly.assertThat(result.tally().wrongPages()).as("wrong pages").isZero();
        if (!configuration.sharesUncommittedEdits()) {
            // the factory scope shows uncommitted edits to every client by design (rule 12): reported, not judged
            softly.assertThat(result.tally().leaks()).as("pages showing another client's invalid input").isZero();
        }
        softly.assertThat(result.server().foreignSessionUses()).as("loads through another thread's session")
                .isZero();
        softly.assertThat(result.server().failures().stream().map(f -> f.count() + " x " + f.signature()))
                .as("exceptions that escaped requests").isEmpty();
        softly.assertThat(result.server().connectionsInUse()).as("connections in use after the run").isNotPositive();
        softly.assertAll();
    }
}
