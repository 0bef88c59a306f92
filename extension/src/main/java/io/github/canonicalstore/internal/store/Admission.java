package io.github.canonicalstore.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a claimant may take over a live canonical instance that it does not own and that no other active
 * owner holds: the instance may still be in use elsewhere, have unsaved changes, or hold state the claimant must
 * not see. Implementations must be thread-safe and fast: they are called on the loading hot path, without a lock.
 *
 * @param <V> instance type
 */
@FunctionalInterface
public interface Admission<V> {

    /** Admits every claimant. */
    Admission<Object> ALWAYS = (instance, attachment, claimant) -> false;

    /**
     * Whether {@code claimant} must not take {@code instance} now.
     *
     * @param instance the live canonical instance
     * @param attachment its entry's attachment, or {@code null}
     * @param claimant who wants it
     * @return {@code true} to refuse (the claimant gets {@code null} and makes a private instance)
     */
    boolean refuses(V instance, @Nullable Object attachment, Owner claimant);
}
