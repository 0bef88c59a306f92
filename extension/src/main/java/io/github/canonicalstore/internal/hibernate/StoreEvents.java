package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalStoreEvent;
import io.github.canonicalstore.CanonicalStoreListener;
import io.github.canonicalstore.Subscription;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of one store and the delivery of its events. Thread-safe: subscribing and unsubscribing copy the
 * list (they are rare), delivery iterates a snapshot without locking and costs one volatile read when nobody
 * listens.
 */
final class StoreEvents {
    private static final System.Logger LOG = System.getLogger(StoreEvents.class.getName());

    private final CopyOnWriteArrayList<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    <T> Subscription subscribe(Class<T> type, CanonicalStoreListener<? super T> listener) {
        Registration<T> registration = new Registration<>(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"));
        registrations.add(registration);
        return registration;
    }

    boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** Delivers an event to every listener whose type matches, on the calling thread. Never throws. */
    void fire(CanonicalStoreEvent.Kind kind, Class<?> entityType, EntityRef key, @Nullable Object instance) {
        if (registrations.isEmpty()) {
            return;
        }
        for (Registration<?> registration : registrations) {
            registration.deliver(kind, entityType, key, instance);
        }
    }

    private final class Registration<T> implements Subscription {
        private final Class<T> type;
        private final CanonicalStoreListener<? super T> listener;
        private volatile boolean open = true;

        Registration(Class<T> type, CanonicalStoreListener<? super T> listener) {
            this.type = type;
            this.listener = listener;
        }

        @SuppressWarnings("unchecked") // entityType and instance are checked against type first
        void deliver(CanonicalStoreEvent.Kind kind, Class<?> entityType, EntityRef key, @Nullable Object instance) {
            if (!open || !type.isAssignableFrom(entityType)) {
                return;
            }
            Event<T> event =
                    new Event<>(kind, (Class<? extends T>) entityType, key.id, key.tenantId, (T) instance);
            try {
                ((CanonicalStoreListener<T>) listener).onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "canonical store listener " + listener + " failed on " + event, e);
            }
        }

        @Override
        public void close() {
            open = false;
            registrations.remove(this);
        }
    }

    /** An event as delivered; see {@link CanonicalStoreEvent}. */
    private record Event<T>(CanonicalStoreEvent.Kind kind, Class<? extends T> entityType, Object id,
            @Nullable Object tenantId, @Nullable T instanceOrNull) implements CanonicalStoreEvent<T> {
        @Override
        public Optional<T> instance() {
            return Optional.ofNullable(instanceOrNull);
        }

        @Override
        public String toString() {
            return kind + " " + entityType.getSimpleName() + "#" + id + (tenantId == null ? "" : " (tenant "
                    + tenantId + ")");
        }
    }
}
