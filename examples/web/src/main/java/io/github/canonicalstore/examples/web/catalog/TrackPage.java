package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Playlist;
import io.github.canonicalstore.examples.chinook.Track;
import java.util.List;

/**
 * What the track page shows.
 *
 * @param track the track, its album (with the album's artist), genre and media type initialised
 * @param playlists the playlists that contain it, by id (their tracks not initialised)
 */
public record TrackPage(Track track, List<Playlist> playlists) {
}
