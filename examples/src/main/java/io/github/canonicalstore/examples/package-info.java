/**
 * The runnable demo of canonical-store-hibernate: {@link io.github.canonicalstore.examples.ChinookDemo} loads the
 * Chinook sample database, runs one session-per-request workload with the canonical store off and on, and prints
 * the difference. Run it with {@code ./mvnw -q -Pdemo -pl examples -am verify}.
 */
package io.github.canonicalstore.examples;
