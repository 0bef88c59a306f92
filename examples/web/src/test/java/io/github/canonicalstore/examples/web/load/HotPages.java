package io.github.canonicalstore.examples.web.load;

import java.util.List;

/**
 * The pages the readers load: a few hot rows that many pages share. Tracks 1 to 5 are on albums 1 to 3, on
 * playlist 17 and (2 and 4) on invoice 1; customers 1 and 2 are on the customer list, their own pages and their
 * invoices (98 and 121, 1); the playlist list and every track page load playlists whose tracks other pages render.
 */
public final class HotPages {
    /** The paths, each rendered by a GET. */
    public static final List<String> PATHS = List.of(
            "/artists", "/artists/1", "/artists/2",
            "/albums/1", "/albums/2", "/albums/3", "/albums/4",
            "/tracks/1", "/tracks/2", "/tracks/4",
            "/playlists", "/playlists/17",
            "/customers", "/customers/1", "/customers/2",
            "/invoices/1", "/invoices/98", "/invoices/121");

    /** The customers the editing client edits; every page above that shows them shows the edited first name. */
    public static final List<Integer> EDITED_CUSTOMERS = List.of(1, 2);

    private HotPages() {
    }

    /**
     * @param customer a customer's id
     * @return the path of the customer's page
     */
    public static String customerPage(int customer) {
        return "/customers/" + customer;
    }

    /**
     * @param customer a customer's id
     * @return the path of the customer's edit form
     */
    public static String editForm(int customer) {
        return "/customers/" + customer + "/edit";
    }
}
