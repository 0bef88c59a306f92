/**
 * The benchmarks of canonical-store-hibernate, each with its baselines in the same run: loading throughput of
 * Hibernate with and without the store against the second-level cache and EclipseLink
 * ({@link io.github.canonicalstore.benchmarks.LoadBenchmark}), the store alone against {@code ConcurrentHashMap},
 * Caffeine and Guava ({@link io.github.canonicalstore.benchmarks.StoreBenchmark},
 * {@link io.github.canonicalstore.benchmarks.ClearBenchmark}), and the heap of many sessions' results
 * ({@link io.github.canonicalstore.benchmarks.Memory}). {@link io.github.canonicalstore.benchmarks.Suite} runs them
 * all and prints the ratios and targets; see benchmarks/README.md.
 *
 * <p>Fields of JMH states are set in their {@code @Setup} methods before any benchmark method reads them.
 */
@NullMarked
package io.github.canonicalstore.benchmarks;

import org.jspecify.annotations.NullMarked;
