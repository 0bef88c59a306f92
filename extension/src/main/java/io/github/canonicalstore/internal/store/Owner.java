package io.github.canonicalstore.internal.store;

/**
 * Whoever may hold a canonical instance exclusively: in the Hibernate integration, one open session.
 *
 * <p>An entry names at most one owner at a time. An owner that is no longer active (its session closed or was
 * collected without being closed) no longer blocks anybody: the next claimant takes the entry over.
 *
 * <p>Implementations must be thread-safe: {@link #isActive()} is called by other threads that want the entry.
 */
public interface Owner {

    /**
     * Whether this owner still holds what it claimed.
     *
     * @return {@code false} once the owner's session has ended; it must never become {@code true} again
     */
    boolean isActive();
}
