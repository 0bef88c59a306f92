package io.github.canonicalstore.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The columns of {@code bench_track}, shaped like Chinook's {@code Track}: lazy album and genre. Hibernate gives
 * them uninitialised proxies; EclipseLink without weaving (as here) loads lazy to-ones eagerly. Mapped by
 * {@link Track} and {@link VersionedTrack}.
 */
@MappedSuperclass
public abstract class TrackColumns {
    @Id
    @Column(name = "track_id")
    private Integer id;

    @Column(name = "name", nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "album_id")
    private @Nullable Album album;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "genre_id")
    private @Nullable Genre genre;

    @Column(name = "composer")
    private @Nullable String composer;

    @Column(name = "milliseconds", nullable = false)
    private int milliseconds;

    @Column(name = "bytes")
    private @Nullable Integer bytes;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    /** For the ORMs. */
    protected TrackColumns() {
    }

    /** @return the id */
    public Integer getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the album (lazy), may be {@code null} */
    public @Nullable Album getAlbum() {
        return album;
    }

    /** @return the genre (lazy), may be {@code null} */
    public @Nullable Genre getGenre() {
        return genre;
    }

    /** @return the composer, may be {@code null} */
    public @Nullable String getComposer() {
        return composer;
    }

    /** @return the duration in milliseconds */
    public int getMilliseconds() {
        return milliseconds;
    }

    /** @return the file size in bytes, may be {@code null} */
    public @Nullable Integer getBytes() {
        return bytes;
    }

    /** @return the list price */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id;
    }
}
