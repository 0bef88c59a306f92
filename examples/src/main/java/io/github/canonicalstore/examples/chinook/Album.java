package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A row of {@code album}. */
@Entity
@Table(name = "album")
public class Album implements ChinookEntity {
    @Id
    @Column(name = "album_id")
    private Integer id;

    @Column(name = "title", nullable = false)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "artist_id", nullable = false)
    private Artist artist;

    /** For Hibernate. */
    protected Album() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the album's title */
    public String getTitle() {
        return title;
    }

    /** @return the artist: a lazy association, a proxy until fetched or initialised in a session */
    public Artist getArtist() {
        return artist;
    }

    @Override
    public String toString() {
        return "Album#" + id;
    }
}
