package io.github.canonicalstore.examples.web.diagnostics;

/**
 * The JDBC connection pool's state. When no request runs, {@code active} should be 0: a connection still in use
 * then was never given back.
 *
 * @param active connections in use
 * @param idle connections in the pool
 * @param total all connections
 */
public record ConnectionPool(int active, int idle, int total) {
}
