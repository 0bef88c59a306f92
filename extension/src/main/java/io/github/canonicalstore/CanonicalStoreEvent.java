package io.github.canonicalstore;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a canonical instance, delivered to {@link CanonicalStoreListener}s.
 *
 * <p>Immutable and thread-safe. An event is delivered on the thread that caused it (see
 * {@link CanonicalStore#subscribe}); it holds the instance strongly only while it is being delivered, so keep the
 * key ({@link #entityType()}, {@link #id()}, {@link #tenantId()}) rather than the event.
 *
 * @param <T> the subscribed type
 * @since 0.1.0
 */
public interface CanonicalStoreEvent<T> {

    /** What happened. */
    enum Kind {
        /** A load handed out the canonical instance and wrote the state it read into it (SEMANTICS rule 2). */
        REFRESHED,
        /**
         * State that another instance committed was written into the canonical instance after commit (rule 5), or
         * the canonical instance's own committed changes became its committed state.
         */
        UPDATED,
        /** A rollback put the canonical instance back to its last committed state (rule 6). */
        RESTORED,
        /**
         * Committed state could not be written into the canonical instance because another open session owns it or
         * it has pending edits (rule 5); the instance was left as it was.
         */
        CONFLICT,
        /**
         * The entry was removed by {@link CanonicalStore#evict}, {@link CanonicalStore#evictAll} or a committed
         * delete.
         */
        EVICTED,
        /** The instance was garbage-collected and its entry removed; {@link #instance()} is empty. */
        RELEASED
    }

    /** {@return what happened} */
    Kind kind();

    /** {@return the entity class of the instance (for {@link Kind#RELEASED}, the class it had)} */
    Class<? extends T> entityType();

    /** {@return the row's identifier, never {@code null}} */
    Object id();

    /** {@return the tenant identifier of the key, or {@code null} without multi-tenancy} */
    @Nullable Object tenantId();

    /** {@return the canonical instance, or empty once it has been garbage-collected} */
    Optional<T> instance();
}
