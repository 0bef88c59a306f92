package io.github.canonicalstore.examples.web.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The editing client: opens a customer's edit form and submits it, alternately with a valid first name (which must
 * be saved, and then shown on the customer's page) and with invalid input that carries a unique marker (which must
 * be rejected and shown back in the form, and never on another client's page).
 */
final class EditorClient implements Runnable {
    private static final String TOO_LONG = " " + "x".repeat(40);

    private final PageClient client;
    private final PageOracle oracle;
    private final EditLog edits;
    private final Tally tally;
    private final int count;
    private final long deadline;
    private final BooleanSupplier readersRunning;

    /**
     * @param client the editor's own connection and cookie jar
     * @param oracle judges the customer page shown after a save
     * @param edits where submitted values are logged
     * @param tally where results go
     * @param count how many edits at most
     * @param deadline {@link System#nanoTime()} after which no request starts
     * @param readersRunning whether readers still run; the editor stops when they have all finished
     */
    EditorClient(PageClient client, PageOracle oracle, EditLog edits, Tally tally, int count, long deadline,
            BooleanSupplier readersRunning) {
        this.client = client;
        this.oracle = oracle;
        this.edits = edits;
        this.tally = tally;
        this.count = count;
        this.deadline = deadline;
        this.readersRunning = readersRunning;
    }

    @Override
    public void run() {
        for (int n = 0; n < count && System.nanoTime() - deadline < 0 && readersRunning.getAsBoolean(); n++) {
            int customer = HotPages.EDITED_CUSTOMERS.get(n / 2 % HotPages.EDITED_CUSTOMERS.size());
            PageResponse form = client.get(HotPages.editForm(customer));
            if (form.status() != 200 || !form.body().contains("name=\"firstName\"")) {
                tally.error("editor", "GET " + HotPages.editForm(customer), form.describe());
                continue;
            }
            if (n % 2 == 0) {
                saveValid(client, edits, tally, customer).ifPresent(name -> checkSaved(customer, name));
            } else {
                submitInvalid(customer);
            }
        }
    }

    /**
     * Submits a valid first name for a customer and checks that it was saved (a redirect to the customer page).
     *
     * @param client the client that submits
     * @param edits where the name is logged as allowed, before it is submitted
     * @param tally where an unexpected response is counted
     * @param customer the customer's id
     * @return the name, or empty if the response was not the redirect
     */
    static Optional<String> saveValid(PageClient client, EditLog edits, Tally tally, int customer) {
        String name = edits.allowNextFirstName(customer);
        PageResponse response = client.post(HotPages.editForm(customer), Map.of("firstName", name));
        boolean redirected = (response.status() == 302 || response.status() == 303) && response.location() != null
                && response.location().endsWith(HotPages.customerPage(customer));
        if (!redirected) {
            tally.error("editor", "POST " + HotPages.editForm(customer) + " (valid)", response.describe());
            return Optional.empty();
        }
        tally.validEdit();
        return Optional.of(name);
    }

    /** Read-your-writes: the editor's next load of the customer page must show the name it just saved. */
    private void checkSaved(int customer, String name) {
        String path = HotPages.customerPage(customer);
        PageResponse page = client.get(path);
        if (page.status() != 200) {
            tally.error("editor", "GET " + path, page.describe());
            return;
        }
        Verdict verdict = oracle.judge(path, page.body());
        if (verdict.kind() == Verdict.Kind.LEAK) {
            verdict = new Verdict(Verdict.Kind.WRONG, "shows the editor's own rejected input: " + verdict.detail());
        } else if (verdict.kind() == Verdict.Kind.RIGHT && !page.body().contains(">" + name + " ")) {
            verdict = new Verdict(Verdict.Kind.WRONG, "does not show " + name + ", saved just before");
        }
        tally.page("editor", path, verdict);
    }

    private void submitInvalid(int customer) {
        String marker = edits.nextInvalidMarker();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstName", marker + TOO_LONG);
        fields.put("city", marker);
        fields.put("email", marker);
        String request = "POST " + HotPages.editForm(customer) + " (invalid)";
        PageResponse response = client.post(HotPages.editForm(customer), fields);
        if (response.status() != 200) {
            tally.error("editor", request, "expected the form again, got " + response.describe());
        } else if (!response.body().contains(marker) || errorCells(response.body()) < 2) {
            tally.error("editor", request, "the form came back without the input or without two errors");
        } else {
            tally.invalidEdit();
        }
    }

    private static int errorCells(String page) {
        int cells = 0;
        String cell = "<td class=\"error\">";
        for (int at = page.indexOf(cell); at >= 0; at = page.indexOf(cell, at + 1)) {
            cells++;
        }
        return cells;
    }
}
