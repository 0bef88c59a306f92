package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Playlist;

/**
 * A line of the playlist list.
 *
 * @param playlist the playlist (its tracks not initialised)
 * @param trackCount how many tracks it has, counted by the query
 */
public record PlaylistSummary(Playlist playlist, long trackCount) {
}
