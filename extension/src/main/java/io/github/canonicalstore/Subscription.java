package io.github.canonicalstore;

/**
 * A listener's registration; closing it unsubscribes. Thread-safe and idempotent: closing twice does nothing the
 * second time. After {@link #close()} returns, the listener receives no event that starts afterwards.
 *
 * @since 0.1.0
 */
public interface Subscription extends AutoCloseable {

    /** Unsubscribes. Never throws. */
    @Override
    void close();
}
