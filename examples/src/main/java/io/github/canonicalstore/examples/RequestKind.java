package io.github.canonicalstore.examples;

/** The kinds of request the demo's client makes, with their share of the workload in percent. */
public enum RequestKind {
    /** The ten best-selling tracks of a billing country: an aggregate over invoice lines, then the tracks. */
    TOP_TRACKS(10),
    /** A playlist with its tracks, their albums and artists (join fetch through {@code playlist_track}). */
    PLAYLIST_TRACKS(8),
    /** A customer, the support rep, and the customer's invoices with their lines and tracks (join fetch). */
    CUSTOMER_INVOICES(18),
    /** The albums of an artist. */
    ALBUMS_BY_ARTIST(18),
    /** One page of 50 tracks of a genre, with album, artist and media type. */
    GENRE_PAGE(16),
    /** An employee, their manager and the employees who report to them. */
    EMPLOYEE_REPORTS(8),
    /** One track by id ({@code find}), its lazy album, genre and media type initialised in the session. */
    TRACK_BY_ID(22);

    private final int weight;

    RequestKind(int weight) {
        this.weight = weight;
    }

    /** @return the share of the workload, in percent */
    public int weight() {
        return weight;
    }
}
