package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A row of {@code track}. */
@Entity
@Table(name = "track")
public class Track implements ChinookEntity {
    @Id
    @Column(name = "track_id")
    private Integer id;

    @Column(name = "name", nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "album_id")
    private Album album;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "media_type_id", nullable = false)
    private MediaType mediaType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "genre_id")
    private Genre genre;

    @Column(name = "composer")
    private String composer;

    @Column(name = "milliseconds", nullable = false)
    private int milliseconds;

    @Column(name = "bytes")
    private Integer bytes;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    /** For Hibernate. */
    protected Track() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the track's name */
    public String getName() {
        return name;
    }

    /** @return the album (lazy), may be {@code null} */
    public Album getAlbum() {
        return album;
    }

    /** @return the media type (lazy) */
    public MediaType getMediaType() {
        return mediaType;
    }

    /** @return the genre (lazy), may be {@code null} */
    public Genre getGenre() {
        return genre;
    }

    /** @return the composer, may be {@code null} */
    public String getComposer() {
        return composer;
    }

    /** @return the duration in milliseconds */
    public int getMilliseconds() {
        return milliseconds;
    }

    /** @return the file size in bytes, may be {@code null} */
    public Integer getBytes() {
        return bytes;
    }

    /** @return the list price */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    @Override
    public String toString() {
        return "Track#" + id;
    }
}
