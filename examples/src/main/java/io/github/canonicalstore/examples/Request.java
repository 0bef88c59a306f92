package io.github.canonicalstore.examples;

/**
 * One request of the workload.
 *
 * @param kind what the client asks for
 * @param id the playlist, customer, artist, genre, employee or track id ({@code 0} for {@link RequestKind#TOP_TRACKS})
 * @param page the page for {@link RequestKind#GENRE_PAGE}, else {@code 0}
 * @param country the billing country for {@link RequestKind#TOP_TRACKS}, else {@code null}
 */
public record Request(RequestKind kind, int id, int page, String country) {

    /** The page size of {@link RequestKind#GENRE_PAGE}. */
    public static final int PAGE_SIZE = 50;

    /** @return what the request asks for, in words, e.g. {@code "albums of artist 90"} */
    public String describe() {
        return switch (kind) {
            case TOP_TRACKS -> "top 10 tracks by revenue in " + country;
            case PLAYLIST_TRACKS -> "tracks of playlist " + id;
            case CUSTOMER_INVOICES -> "invoices of customer " + id;
            case ALBUMS_BY_ARTIST -> "albums of artist " + id;
            case GENRE_PAGE -> "page " + (page + 1) + " of the tracks of genre " + id;
            case EMPLOYEE_REPORTS -> "employee " + id + " and their reports";
            case TRACK_BY_ID -> "track " + id + " by id";
        };
    }
}
