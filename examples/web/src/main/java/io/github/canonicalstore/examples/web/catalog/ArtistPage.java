package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.Artist;
import java.util.List;

/**
 * What the artist page shows.
 *
 * @param artist the artist
 * @param albums its albums, by title
 */
public record ArtistPage(Artist artist, List<Album> albums) {
}
