package io.github.canonicalstore.examples;

import io.github.canonicalstore.examples.chinook.ChinookEntity;
import java.util.List;

/**
 * What the client keeps from one request, after its session has closed.
 *
 * @param index the position of the request in the workload (each request has a session of its own)
 * @param request the request
 * @param results the entities the request's queries and finds returned, in order
 * @param related the other entities the client navigated to inside the session and keeps, e.g. the album and
 *     artist shown beside each track; lazy associations are initialised and unproxied in the session
 */
public record Response(int index, Request request, List<ChinookEntity> results, List<ChinookEntity> related) {

    /** @return how many entity references the client holds for this request: results plus related */
    public int references() {
        return results.size() + related.size();
    }
}
