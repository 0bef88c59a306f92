package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Artist;
import java.util.List;

/**
 * One page of the artist list.
 *
 * @param artists the artists of the page, by name
 * @param page the page number, from 0
 * @param pages how many pages there are
 */
public record ArtistListPage(List<Artist> artists, int page, int pages) {

    /** @return whether there is a page before this one */
    public boolean hasPrevious() {
        return page > 0;
    }

    /** @return whether there is a page after this one */
    public boolean hasNext() {
        return page + 1 < pages;
    }
}
