package io.github.canonicalstore.examples.web.catalog;

import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.Artist;
import io.github.canonicalstore.examples.chinook.Playlist;
import io.github.canonicalstore.examples.chinook.Track;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the music catalogue for the pages. Each method runs in a read-only transaction and initialises, before it
 * returns, every lazy association and collection its page renders: with open-session-in-view off the session is
 * closed when the page is rendered, as in most applications.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {
    /** Artists per page of the artist list. */
    public static final int ARTISTS_PER_PAGE = 50;

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * One page of artists by name.
     *
     * @param page the page number, from 0; a page past the last is empty
     * @return the page
     */
    public ArtistListPage artists(int page) {
        long count = entityManager.createQuery("select count(a) from Artist a", Long.class).getSingleResult();
        List<Artist> artists = entityManager
                .createQuery("select a from Artist a order by a.name, a.id", Artist.class)
                .setFirstResult(page * ARTISTS_PER_PAGE)
                .setMaxResults(ARTISTS_PER_PAGE)
                .getResultList();
        int pages = (int) ((count + ARTISTS_PER_PAGE - 1) / ARTISTS_PER_PAGE);
        return new ArtistListPage(artists, page, pages);
    }

    /**
     * An artist and its albums.
     *
     * @param id the artist's id
     * @return the page, or empty if there is no such artist
     */
    public Optional<ArtistPage> artist(int id) {
        return Optional.ofNullable(entityManager.find(Artist.class, id)).map(artist -> new ArtistPage(artist,
                entityManager.createQuery("select a from Album a where a.artist = :artist order by a.title, a.id",
                                Album.class)
                        .setParameter("artist", artist)
                        .getResultList()));
    }

    /**
     * An album, its artist, and its tracks with their genre and media type.
     *
     * @param id the album's id
     * @return the page, or empty if there is no such album
     */
    public Optional<AlbumPage> album(int id) {
        Album album = entityManager.find(Album.class, id);
        if (album == null) {
            return Optional.empty();
        }
        Hibernate.initialize(album.getArtist());
        List<Track> tracks = entityManager
                .createQuery("select t from Track t where t.album = :album order by t.id", Track.class)
                .setParameter("album", album)
                .getResultList();
        for (Track track : tracks) {
            Hibernate.initialize(track.getGenre());
            Hibernate.initialize(track.getMediaType());
        }
        return Optional.of(new AlbumPage(album, tracks));
    }

    /**
     * A track with its album, artist, genre and media type, and the playlists that contain it.
     *
     * @param id the track's id
     * @return the page, or empty if there is no such track
     */
    public Optional<TrackPage> track(int id) {
        Track track = entityManager.find(Track.class, id);
        if (track == null) {
            return Optional.empty();
        }
        Hibernate.initialize(track.getAlbum());
        if (track.getAlbum() != null) {
            Hibernate.initialize(track.getAlbum().getArtist());
        }
        Hibernate.initialize(track.getGenre());
        Hibernate.initialize(track.getMediaType());
        List<Playlist> playlists = entityManager
                .createQuery("select p from Playlist p join p.tracks t where t.id = :id order by p.id", Playlist.class)
                .setParameter("id", id)
                .getResultList();
        return Optional.of(new TrackPage(track, playlists));
    }

    /**
     * Every playlist with its number of tracks.
     *
     * @return the playlists by id
     */
    public List<PlaylistSummary> playlists() {
        return entityManager.createQuery("select new " + PlaylistSummary.class.getName()
                        + "(p, size(p.tracks)) from Playlist p order by p.id", PlaylistSummary.class)
                .getResultList();
    }

    /**
     * A playlist with its tracks and their albums.
     *
     * @param id the playlist's id
     * @return the playlist, its tracks initialised, or empty if there is no such playlist
     */
    public Optional<Playlist> playlist(int id) {
        Playlist playlist = entityManager.find(Playlist.class, id);
        if (playlist == null) {
            return Optional.empty();
        }
        Hibernate.initialize(playlist.getTracks());
        for (Track track : playlist.getTracks()) {
            Hibernate.initialize(track.getAlbum());
        }
        return Optional.of(playlist);
    }
}
