package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.Track;
import java.util.List;

/**
 * What the album page shows.
 *
 * @param album the album, its artist initialised
 * @param tracks its tracks by id, their genre and media type initialised
 */
public record AlbumPage(Album album, List<Track> tracks) {
}
