package io.github.canonicalstore.examples.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One client at a time: what the store must get right before concurrency matters. Every page is the same with the
 * store on as with it off, also when it is loaded again (from canonical instances); the edit form rejects invalid
 * input without saving it and saves valid input.
 */
class SequentialPagesTest {

    @Test
    void everyPageLoadedOnceOrTwiceIsTheSameWithTheStoreOnAsWithItOff() {
        Map<String, String> off = renderTwice(LoadConfiguration.STORE_OFF);
        Map<String, String> on = renderTwice(LoadConfiguration.FACTORY_SCOPE_OSIV_OFF);

        assertThat(on.keySet()).isEqualTo(off.keySet());
        Map<String, String> differences = new LinkedHashMap<>();
        off.forEach((key, page) -> {
            String diff = PageDiff.between(page, on.get(key));
            if (!diff.isEmpty()) {
                differences.put(key, diff);
            }
        });
        assertThat(differences).as("pages that differ with the store on").isEmpty();
    }

    @Test
    void anInvalidEditIsShownBackWithItsErrorsAndNotSavedAndAValidOneIsSaved() {
        try (RunningApplication application =
                RunningApplication.start(LoadConfiguration.FACTORY_SCOPE_OSIV_OFF, Database.embedded())) {
            PageClient client = application.newClient();
            String path = HotPages.customerPage(2);
            String before = client.get(path).body();
            EditLog edits = new EditLog();
            String marker = edits.nextInvalidMarker();

            PageResponse rejected = client.post(HotPages.editForm(2),
                    Map.of("firstName", marker + " " + "x".repeat(40), "email", marker));

            assertThat(rejected.status()).isEqualTo(200);
            assertThat(rejected.body()).contains("value=\"" + marker + " x").contains("<td class=\"error\">");
            assertThat(client.get(path).body()).isEqualTo(before);

            Tally tally = new Tally();
            String name = EditorClient.saveValid(client, edits, tally, 2).orElseThrow();

            assertThat(tally.snapshot().validEdits()).isEqualTo(1);
            assertThat(client.get(path).body()).contains("<h1>" + name + " Köhler</h1>").doesNotContain(marker);
        }
    }

    /** Two renderings of the start page, an edit form and every hot page, one request at a time, by page and round. */
    private static Map<String, String> renderTwice(LoadConfiguration configuration) {
        Map<String, String> pages = new LinkedHashMap<>();
        try (RunningApplication application = RunningApplication.start(configuration, Database.embedded())) {
            PageClient client = application.newClient();
            for (int round = 1; round <= 2; round++) {
                for (String path : paths()) {
                    PageResponse response = client.get(path);
                    assertThat(response.status()).as("%s %s, round %d: %s", configuration, path, round,
                            response.describe()).isEqualTo(200);
                    pages.put(path + " (round " + round + ")", response.body());
                }
            }
        }
        return pages;
    }

    private static List<String> paths() {
        return Stream.concat(Stream.of("/", HotPages.editForm(1)),
                HotPages.PATHS.stream()).toList();
    }
}
