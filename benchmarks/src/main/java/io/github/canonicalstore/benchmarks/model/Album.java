package io.github.canonicalstore.benchmarks.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code bench_album}. */
@Entity(name = "Album")
@Table(name = "bench_album")
@Cacheable
public class Album {
    @Id
    @Column(name = "album_id")
    private Integer id;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "artist_id", nullable = false)
    private int artistId;

    /** For the ORMs. */
    protected Album() {
    }

    /** @return the id */
    public Integer getId() {
        return id;
    }

    /** @return the title */
    public String getTitle() {
        return title;
    }

    /** @return the artist's id (a plain column here: the benchmarks load tracks, not artists) */
    public int getArtistId() {
        return artistId;
    }
}
