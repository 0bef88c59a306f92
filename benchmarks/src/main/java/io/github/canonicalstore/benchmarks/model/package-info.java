/**
 * The benchmarks' entities: a Chinook-like {@link io.github.canonicalstore.benchmarks.model.Track} with lazy
 * many-to-one associations to {@link io.github.canonicalstore.benchmarks.model.Album} and
 * {@link io.github.canonicalstore.benchmarks.model.Genre}, mapped to the tables {@code bench_track},
 * {@code bench_album} and {@code bench_genre} that {@link io.github.canonicalstore.benchmarks.BenchData} creates.
 * The same classes serve Hibernate and EclipseLink.
 */
@NullMarked
package io.github.canonicalstore.benchmarks.model;

import org.jspecify.annotations.NullMarked;
