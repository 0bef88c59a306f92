package io.github.canonicalstore.benchmarks.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of {@code bench_track} without a version column: the loading benchmarks' main entity. */
@Entity(name = "Track")
@Table(name = "bench_track")
@Cacheable
public class Track extends TrackColumns {
    /** For the ORMs. */
    protected Track() {
    }
}
