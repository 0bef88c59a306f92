package io.github.canonicalstore.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The same rows of {@code bench_track} as {@link Track}, with its {@code version} column as {@code @Version}: the
 * versioned workloads, where the store tells an unchanged row by its version.
 */
@Entity(name = "VersionedTrack")
@Table(name = "bench_track")
public class VersionedTrack extends TrackColumns {
    @Version
    @Column(name = "version", nullable = false)
    private int version;

    /** For the ORMs. */
    protected VersionedTrack() {
    }

    /** @return the version */
    public int getVersion() {
        return version;
    }
}
