package io.github.canonicalstore;

import io.github.canonicalstore.internal.hibernate.CanonicalStores;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The canonical store of one SessionFactory: at most one live Java instance, the <em>canonical instance</em>,
 * per entity key {@code (tenant identifier, root entity name, id)}, shared by the sessions of that factory.
 *
 * <p>The store is filled by Hibernate itself: every load that materialises an entity (find, queries, fetches,
 * second-level-cache hits, StatelessSession reads) hands out the canonical instance for the row and writes the
 * state it read into it, unless another open session manages that instance, in which case the load gets a private
 * instance. This interface lets the application look instances up, measure the store and control retention. The
 * rules are in the README's "Semantics" section.
 *
 * <p><b>Thread safety.</b> All methods are safe for concurrent use, from any thread, while sessions load. Handing
 * an instance out from the store happens-before a {@link #find} on another thread returns it. Instances are
 * compared with {@code ==}: the store never calls an entity's {@code equals} or {@code hashCode}.
 *
 * <p><b>Memory.</b> The store holds instances weakly: an instance that no session manages, that nobody pins and
 * that the application no longer references is garbage-collected, and its entry disappears during later store
 * operations (no background thread). This follows EclipseLink's weak identity maps and can.Model's store.
 *
 * @since 0.1.0
 */
public interface CanonicalStore {

    /**
     * The store of {@code factory}.
     *
     * @param factory a Hibernate {@code SessionFactory} or JPA {@code EntityManagerFactory} built with
     *     {@code hibernate.canonical_store.enabled=true}
     * @return its store; the same object on every call for the same factory
     * @throws IllegalStateException if the store is not enabled on {@code factory} (the message names the
     *     setting), or {@code factory} is closed
     * @throws IllegalArgumentException if {@code factory} is not a Hibernate ORM factory
     * @throws NullPointerException if {@code factory} is {@code null}
     */
    static CanonicalStore of(EntityManagerFactory factory) {
        return CanonicalStores.of(factory);
    }

    /**
     * The live canonical instance for a row of the default tenant (no tenant identifier). Never runs SQL.
     *
     * @param type the entity class, or any entity class of its hierarchy (an entity subclass finds the row only if
     *     the canonical instance is of that subclass)
     * @param id the identifier; converted to the identifier type as {@code EntityManager.find} does
     * @param <T> the entity type
     * @return the canonical instance, or empty if none is alive
     * @throws IllegalArgumentException if {@code type} is not a mapped entity, or {@code id} cannot be converted
     *     to its identifier type
     * @throws NullPointerException if an argument is {@code null}
     */
    <T> Optional<T> find(Class<T> type, Object id);

    /**
     * The live canonical instance for a row of one tenant. Never runs SQL.
     *
     * @param tenantId the tenant identifier of the sessions that loaded the row, or {@code null} for none
     * @param type the entity class, or any entity class of its hierarchy
     * @param id the identifier; converted to the identifier type as {@code EntityManager.find} does
     * @param <T> the entity type
     * @return the canonical instance, or empty if none is alive
     * @throws IllegalArgumentException if {@code type} is not a mapped entity, or {@code id} cannot be converted
     * @throws NullPointerException if {@code type} or {@code id} is {@code null}
     */
    <T> Optional<T> find(@Nullable Object tenantId, Class<T> type, Object id);

    /**
     * Counts the live canonical instances. Linear in the number of entries; not a snapshot while loads run. Also
     * removes some dead entries, if no other thread is doing so.
     *
     * @return the number of entries whose instance has not been garbage-collected
     */
    int size();

    /**
     * The store's counters. Also removes some dead entries first, if no other thread is doing so, so that
     * {@link CanonicalStoreStatistics#releases()} catches up with garbage collection.
     *
     * @return a snapshot, never {@code null}
     */
    CanonicalStoreStatistics statistics();

    /**
     * Adds a pin to a canonical instance: pinned instances stay alive with no other reference to them (can.Model's
     * {@code _bindings}, Apollo's {@code retain}). Counts start at 0 for every instance, as in Netty's
     * {@code ReferenceCounted}, except that an unpinned instance stays alive for as long as it is reachable.
     *
     * @param entity a canonical instance (an initialised Hibernate proxy stands for its target)
     * @return the pin count after the call, at least 1
     * @throws IllegalArgumentException if {@code entity} is not an entity, or not the live canonical instance of
     *     its row (the message says which)
     * @throws IllegalStateException if the pin count would overflow
     * @throws NullPointerException if {@code entity} is {@code null}
     */
    int retain(Object entity);

    /**
     * Removes a pin added by {@link #retain}. At 0 the instance is held weakly again.
     *
     * @param entity a pinned canonical instance
     * @return the pin count after the call, at least 0
     * @throws IllegalArgumentException if {@code entity} is not an entity, or not the live canonical instance of
     *     its row
     * @throws IllegalStateException if its pin count is already 0 (over-release)
     * @throws NullPointerException if {@code entity} is {@code null}
     */
    int release(Object entity);

    /**
     * Removes the entry of one row of the default tenant, whatever its owner and pins. The instance itself is
     * not changed; the next load of the row creates a new canonical instance.
     *
     * @param type an entity class of the row's hierarchy
     * @param id the identifier
     * @return whether a live canonical instance was removed
     * @throws IllegalArgumentException if {@code type} is not a mapped entity, or {@code id} cannot be converted
     * @throws NullPointerException if an argument is {@code null}
     */
    boolean evict(Class<?> type, Object id);

    /** Removes every entry of every tenant, whatever its owner and pins. The instances are not changed. */
    void evictAll();

    /**
     * The canonical instance for {@code entity}'s row if one is alive, otherwise {@code entity} itself, which
     * becomes the canonical instance (Backbone.ModelFactory's constructor, which never makes two models with the
     * same id). An adopted instance's current state is taken as the row's committed state.
     *
     * <p>{@code entity} must not be managed by an open session (canonical instances are handed to sessions by
     * loads, never adopted from them); this is checked for bytecode-enhanced entities.
     *
     * @param entity an entity with an identifier (an initialised Hibernate proxy stands for its target)
     * @param <T> the entity type
     * @return the canonical instance: the live one, or {@code entity}
     * @throws IllegalArgumentException if {@code entity} is not an entity of this factory, has no identifier
     *     (a transient entity), is an uninitialised proxy, is of an excluded type, or is managed by an open session
     * @throws NullPointerException if {@code entity} is {@code null}
     */
    <T> T canonicalize(T entity);

    /**
     * Subscribes {@code listener} to the events of the canonical instances of {@code type} and its subclasses
     * (refreshed, updated after commit, restored after rollback, conflict, evicted, released).
     *
     * <p>Listeners run synchronously on the thread that caused the event: a session's thread during a load or a
     * commit, or the thread that removed collected entries. Hand events to another executor for UI work, for
     * example {@code store.subscribe(Track.class, e -> uiExecutor.execute(() -> view.refresh(e.id())))}.
     *
     * @param type an entity class, or any supertype of entity classes (such as {@code Object} for all)
     * @param listener the listener
     * @param <T> the subscribed type
     * @return the registration; close it to unsubscribe
     * @throws NullPointerException if an argument is {@code null}
     */
    <T> Subscription subscribe(Class<T> type, CanonicalStoreListener<? super T> listener);

    /**
     * Removes now the entries whose instance has been garbage-collected, which the store otherwise does a little
     * at a time during later loads (as Caffeine's {@code Cache.cleanUp}). Mostly for tests; never needed for
     * correctness: dead entries are never handed out and {@link #size()} does not count them.
     */
    void cleanUp();
}
