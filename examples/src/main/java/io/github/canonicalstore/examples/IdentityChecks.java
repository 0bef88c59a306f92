package io.github.canonicalstore.examples;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.ChinookEntity;
import io.github.canonicalstore.examples.chinook.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The identity checks of the canonical run, each with its contrast in the plain run:
 * (a) one track reached by two different queries in two different sessions is one object;
 * (b) the store's {@code find} returns that object;
 * (c) an album reached through a lazy {@code track.getAlbum()} proxy is the object an "albums of artist" query
 * returned in another session;
 * (d) for every entity type, the client holds exactly one object per row.
 */
public final class IdentityChecks {
    private final Run plain;
    private final Run canonical;
    private final Catalog catalog;
    private final List<String> lines = new ArrayList<>();
    private final List<String> contrast = new ArrayList<>();
    private int passed;
    private int failed;

    private IdentityChecks(Run plain, Run canonical, Catalog catalog) {
        this.plain = plain;
        this.canonical = canonical;
        this.catalog = catalog;
    }

    /**
     * Runs the checks. When the workload happens to contain no pair of requests for (a) or (c), the check runs the
     * two requests it needs now, in two new sessions of each factory.
     *
     * @param plain the run without the store
     * @param canonical the run with the store
     * @param catalog the keys of the data, for those extra requests
     * @return the outcome
     */
    public static IdentityChecks run(Run plain, Run canonical, Catalog catalog) {
        IdentityChecks checks = new IdentityChecks(plain, canonical, catalog);
        checks.sameTrackAcrossQueries();
        checks.sameAlbumThroughProxy();
        checks.oneObjectPerRow();
        return checks;
    }

    /** @return the check lines of the canonical run, each starting with PASS or FAIL */
    public List<String> lines() {
        return lines;
    }

    /** @return the same situations in the plain run */
    public List<String> contrast() {
        return contrast;
    }

    /** @return the number of checks that passed */
    public int passed() {
        return passed;
    }

    /** @return the number of checks that failed */
    public int failed() {
        return failed;
    }

    private void sameTrackAcrossQueries() {
        Pair pair = findPair(RequestKind.TOP_TRACKS, Response::results, RequestKind.PLAYLIST_TRACKS,
                Response::results, Track.class).orElseGet(this::extraTrackPair);
        ChinookEntity first = pair.first(canonical);
        ChinookEntity second = pair.second(canonical);
        record("(a) Track " + pair.id + " from \"" + pair.firstRequest.describe() + "\" (" + where(pair.firstIndex)
                + ") and from \"" + pair.secondRequest.describe() + "\" (" + where(pair.secondIndex)
                + ") is one object", first == second);

        CanonicalStore store = canonical.store().orElseThrow();
        record("(b) store.find(Track.class, " + pair.id + ") returns that same object",
                store.find(Track.class, pair.id).orElse(null) == first);

        contrast.add("(a) the same two loads of Track " + pair.id + " gave "
                + objects(pair.first(plain), pair.second(plain)));
    }

    private void sameAlbumThroughProxy() {
        Pair pair = findPair(RequestKind.TRACK_BY_ID, Response::related, RequestKind.ALBUMS_BY_ARTIST,
                Response::results, Album.class).orElseGet(this::extraAlbumPair);
        ChinookEntity viaProxy = pair.first(canonical);
        ChinookEntity viaQuery = pair.second(canonical);
        record("(c) Album " + pair.id + " reached via track.getAlbum() in \"" + pair.firstRequest.describe() + "\" ("
                + where(pair.firstIndex) + "; proxy initialised, then Hibernate.unproxy) is the object \""
                + pair.secondRequest.describe() + "\" returned (" + where(pair.secondIndex) + ")",
                viaProxy == viaQuery);
        contrast.add("(c) the album via track.getAlbum() and the album of the artist query: "
                + objects(pair.first(plain), pair.second(plain)));
    }

    private void oneObjectPerRow() {
        Holdings on = canonical.holdings();
        Holdings off = plain.holdings();
        List<String> wrong = new ArrayList<>();
        int duplicated = 0;
        Class<?> mostDuplicated = null;
        for (Class<?> type : ChinookDemo.ENTITY_TYPES) {
            if (on.objects(type) != on.rows(type)) {
                wrong.add(type.getSimpleName() + " " + on.objects(type) + " objects for " + on.rows(type) + " rows");
            }
            if (off.objects(type) > off.rows(type)) {
                duplicated++;
                if (mostDuplicated == null || off.objects(type) - off.rows(type)
                        > off.objects(mostDuplicated) - off.rows(mostDuplicated)) {
                    mostDuplicated = type;
                }
            }
        }
        int types = ChinookDemo.ENTITY_TYPES.size();
        record("(d) distinct objects == distinct rows for " + (types - wrong.size()) + " of " + types
                + " entity types" + (wrong.isEmpty() ? "" : "; not for " + String.join(", ", wrong)), wrong.isEmpty());
        contrast.add("(d) " + duplicated + " of " + types + " entity types hold more objects than rows"
                + (mostDuplicated == null ? "" : String.format(Locale.ROOT, "; most duplicated: %s, %,d objects for %,d rows",
                        mostDuplicated.getSimpleName(), off.objects(mostDuplicated), off.rows(mostDuplicated))));
    }

    private void record(String description, boolean ok) {
        lines.add((ok ? "PASS  " : "FAIL  ") + description);
        if (ok) {
            passed++;
        } else {
            failed++;
        }
    }

    private static String where(int index) {
        return index >= 0 ? "request " + (index + 1) : "extra request";
    }

    private static String objects(ChinookEntity first, ChinookEntity second) {
        return first == second ? "ONE object (unexpected without the store)" : "2 different objects";
    }

    /**
     * Looks in the canonical run for the first entity of {@code type} that a request of {@code firstKind} kept and
     * a later or earlier request of {@code secondKind} kept too.
     */
    private Optional<Pair> findPair(RequestKind firstKind, Function<Response, List<ChinookEntity>> firstPart,
            RequestKind secondKind, Function<Response, List<ChinookEntity>> secondPart, Class<?> type) {
        Map<Integer, Response> seconds = new HashMap<>();
        for (Response response : canonical.responses()) {
            if (response.request().kind() == secondKind) {
                for (ChinookEntity entity : secondPart.apply(response)) {
                    if (type.isInstance(entity)) {
                        seconds.putIfAbsent(entity.getId(), response);
                    }
                }
            }
        }
        for (Response response : canonical.responses()) {
            if (response.request().kind() == firstKind) {
                for (ChinookEntity entity : firstPart.apply(response)) {
                    Response second = seconds.get(entity.getId());
                    if (type.isInstance(entity) && second != null) {
                        return Optional.of(new Pair(type, entity.getId(), response.index(), response.request(),
                                firstPart, second.index(), second.request(), secondPart));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** No such pair in the workload: a top-tracks request, then a playlist that has its first track. */
    private Pair extraTrackPair() {
        Request top = new Request(RequestKind.TOP_TRACKS, 0, 0, catalog.countries().get(0));
        int trackId = new MusicStoreClient(canonical.factory()).execute(-1, top).results().get(0).getId();
        int playlistId = canonical.factory().callInTransaction(em -> em.createQuery(
                        "select p.id from Playlist p join p.tracks t where t.id = :id order by p.id", Integer.class)
                .setParameter("id", trackId)
                .setMaxResults(1)
                .getSingleResult());
        Request playlist = new Request(RequestKind.PLAYLIST_TRACKS, playlistId, 0, null);
        return new Pair(Track.class, trackId, -1, top, Response::results, -1, playlist, Response::results);
    }

    /** No such pair in the workload: a track by id, then the albums of its album's artist. */
    private Pair extraAlbumPair() {
        Request byId = new Request(RequestKind.TRACK_BY_ID, catalog.trackIds().get(0), 0, null);
        int albumId = new MusicStoreClient(canonical.factory()).execute(-1, byId).related().stream()
                .filter(Album.class::isInstance).findFirst().orElseThrow().getId();
        int artistId = canonical.factory().callInTransaction(em -> em.createQuery(
                        "select a.artist.id from Album a where a.id = :id", Integer.class)
                .setParameter("id", albumId)
                .getSingleResult());
        Request albums = new Request(RequestKind.ALBUMS_BY_ARTIST, artistId, 0, null);
        return new Pair(Album.class, albumId, -1, byId, Response::related, -1, albums, Response::results);
    }

    /**
     * Two requests (by position in the workload, or -1 for a request run only for the check) and the row they both
     * reached; the objects are looked up in each run's responses.
     */
    private static final class Pair {
        private final Class<?> type;
        private final int id;
        private final int firstIndex;
        private final Request firstRequest;
        private final Function<Response, List<ChinookEntity>> firstPart;
        private final int secondIndex;
        private final Request secondRequest;
        private final Function<Response, List<ChinookEntity>> secondPart;
        private final Map<Run, ChinookEntity[]> objects = new IdentityHashMap<>();

        Pair(Class<?> type, int id, int firstIndex, Request firstRequest,
                Function<Response, List<ChinookEntity>> firstPart, int secondIndex, Request secondRequest,
                Function<Response, List<ChinookEntity>> secondPart) {
            this.type = type;
            this.id = id;
            this.firstIndex = firstIndex;
            this.firstRequest = firstRequest;
            this.firstPart = firstPart;
            this.secondIndex = secondIndex;
            this.secondRequest = secondRequest;
            this.secondPart = secondPart;
        }

        ChinookEntity first(Run run) {
            return objectsIn(run)[0];
        }

        ChinookEntity second(Run run) {
            return objectsIn(run)[1];
        }

        private ChinookEntity[] objectsIn(Run run) {
            return objects.computeIfAbsent(run, r -> new ChinookEntity[] {
                find(response(r, firstIndex, firstRequest), firstPart),
                find(response(r, secondIndex, secondRequest), secondPart)});
        }

        private static Response response(Run run, int index, Request request) {
            return index >= 0 ? run.responses().get(index) : new MusicStoreClient(run.factory()).execute(-1, request);
        }

        private ChinookEntity find(Response response, Function<Response, List<ChinookEntity>> part) {
            return part.apply(response).stream()
                    .filter(e -> type.isInstance(e) && e.getId() == id)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " " + id + " is not in \""
                            + response.request().describe() + "\""));
        }
    }
}
