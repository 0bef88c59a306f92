package io.github.canonicalstore.examples.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageOracleTest {
    private static final String PATH = "/customers/2";

    private final EditLog edits = new EditLog();
    private final String first = edits.allowNextFirstName(2);
    private final PageOracle oracle = new PageOracle(Map.of(PATH, page(first, "Stuttgart")), edits);

    private static String page(String firstName, String city) {
        return "<h1>" + firstName + " Köhler</h1>\n<td>" + city + "</td>\n<td>2</td>\n";
    }

    @Test
    void thePageRenderedAloneIsRight() {
        assertThat(oracle.judge(PATH, page(first, "Stuttgart")).kind()).isEqualTo(Verdict.Kind.RIGHT);
    }

    @Test
    void aFirstNameSavedAfterTheRenderingAloneIsRight() {
        String later = edits.allowNextFirstName(2);

        assertThat(oracle.judge(PATH, page(later, "Stuttgart")).kind()).isEqualTo(Verdict.Kind.RIGHT);
    }

    @Test
    void aFirstNameNeverSavedIsWrong() {
        Verdict verdict = oracle.judge(PATH, page("Name-2-99", "Stuttgart"));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.WRONG);
        assertThat(verdict.detail()).contains("line 1").contains("- <h1>").contains("+ <h1>Name-2-99 Köhler");
    }

    @Test
    void aFirstNameSavedForAnotherCustomerIsWrong() {
        String other = edits.allowNextFirstName(1);

        assertThat(oracle.judge(PATH, page(other, "Stuttgart")).kind()).isEqualTo(Verdict.Kind.WRONG);
    }

    @Test
    void anyOtherDifferenceIsWrong() {
        Verdict verdict = oracle.judge(PATH, page(first, "Berlin"));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.WRONG);
        assertThat(verdict.detail()).contains("line 2").contains("- <td>Stuttgart</td>").contains("+ <td>Berlin</td>");
    }

    @Test
    void aPageCutShortIsWrongAndSaysWhereItEnds() {
        Verdict verdict = oracle.judge(PATH, "<h1>" + first + " Köhler</h1>\n");

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.WRONG);
        assertThat(verdict.detail()).contains("(the page ends here)");
    }

    @Test
    void invalidInputOnThePageIsALeakWithTheLineThatShowsIt() {
        String marker = edits.nextInvalidMarker();

        Verdict verdict = oracle.judge(PATH, page(first, marker));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.LEAK);
        assertThat(verdict.detail()).isEqualTo("<td>" + marker + "</td>");
    }

    @Test
    void aNameThatMerelyStartsWithAnAllowedOneIsWrong() {
        assertThat(oracle.judge(PATH, page(first + "0", "Stuttgart")).kind()).isEqualTo(Verdict.Kind.WRONG);
    }

    @Test
    void aPageNeverRenderedAloneCannotBeJudged() {
        assertThatIllegalArgumentException().isThrownBy(() -> oracle.judge("/customers/3", ""))
                .withMessageContaining("/customers/3");
    }
}
