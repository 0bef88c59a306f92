package io.github.canonicalstore.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Plans the demo's workload: a fixed sequence of requests drawn from a {@link Catalog} with a seeded random. */
public final class Workload {

    private Workload() {
    }

    /**
     * Draws the requests.
     *
     * @param catalog what can be asked for
     * @param count how many requests
     * @param seed the seed; the same catalog, count and seed give the same requests
     * @return the requests, in the order the client makes them
     */
    public static List<Request> plan(Catalog catalog, int count, long seed) {
        Random random = new Random(seed);
        List<Integer> genres = List.copyOf(new TreeSet<>(catalog.tracksPerGenre().keySet()));
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RequestKind kind = drawKind(random);
            requests.add(switch (kind) {
                case TOP_TRACKS -> new Request(kind, 0, 0, pick(random, catalog.countries()));
                case PLAYLIST_TRACKS -> new Request(kind, pick(random, catalog.playlistIds()), 0, null);
                case CUSTOMER_INVOICES -> new Request(kind, pick(random, catalog.customerIds()), 0, null);
                case ALBUMS_BY_ARTIST -> new Request(kind, pick(random, catalog.artistIdsWithAlbums()), 0, null);
                case GENRE_PAGE -> {
                    int genre = pick(random, genres);
                    int pages = (catalog.tracksPerGenre().get(genre) + Request.PAGE_SIZE - 1) / Request.PAGE_SIZE;
                    yield new Request(kind, genre, random.nextInt(pages), null);
                }
                case EMPLOYEE_REPORTS -> new Request(kind, pick(random, catalog.employeeIds()), 0, null);
                case TRACK_BY_ID -> new Request(kind, pick(random, catalog.trackIds()), 0, null);
            });
        }
        return List.copyOf(requests);
    }

    private static RequestKind drawKind(Random random) {
        int total = 0;
        for (RequestKind kind : RequestKind.values()) {
            total += kind.weight();
        }
        int draw = random.nextInt(total);
        for (RequestKind kind : RequestKind.values()) {
            draw -= kind.weight();
            if (draw < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights changed while drawing");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
