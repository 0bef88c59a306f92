/**
 * The music catalogue's pages: artists, albums, tracks and playlists, read by
 * {@link io.github.canonicalstore.examples.web.catalog.CatalogService}.
 */
package io.github.canonicalstore.examples.web.catalog;
