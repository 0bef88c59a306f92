package io.github.canonicalstore;

/**
 * Receives {@link CanonicalStoreEvent}s for one entity type; see {@link CanonicalStore#subscribe}.
 *
 * <p>Called synchronously, on the thread that caused the event (a loading or committing session's thread, or the
 * thread that removed collected entries). Keep it short and do not use a Hibernate session from it: hand the event
 * to your own executor, as a UI would hand it to its event thread. An exception it throws is caught and logged; it
 * never fails the load or the commit that caused the event.
 *
 * @param <T> the subscribed type
 * @since 0.1.0
 */
@FunctionalInterface
public interface CanonicalStoreListener<T> {

    /**
     * Handles one event.
     *
     * @param event the event, never {@code null}
     */
    void onEvent(CanonicalStoreEvent<T> event);
}
