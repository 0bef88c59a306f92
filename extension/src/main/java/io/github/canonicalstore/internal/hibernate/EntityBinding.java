package io.github.canonicalstore.internal.hibernate;

import java.util.function.Predicate;
import org.hibernate.engine.spi.ManagedEntity;

/**
 * What the store knows about one concrete entity persister: whether its instances are canonical, and how to key
 * them. Computed once per persister, on its first load. Immutable.
 */
final class EntityBinding {
    private static final Predicate<Object> NEVER_BUSY = instance -> false;

    /**
     * An enhanced entity keeps its persistence-context bookkeeping in its own fields, and a closing session clears
     * them after it has let go of its instances ({@code SessionEventListener.end()} runs before the persistence
     * context is cleared). Until the last of those fields is cleared, no other session may attach the instance:
     * the closing session's writes would undo the new session's.
     */
    private static final Predicate<Object> ATTACHED_ELSEWHERE = instance -> instance instanceof ManagedEntity managed
            && (managed.$$_hibernate_getEntityEntry() != null
                    || managed.$$_hibernate_getInstanceId() != 0
                    || managed.$$_hibernate_getPreviousManagedEntity() != null
                    || managed.$$_hibernate_getNextManagedEntity() != null);

    /** The binding of entities that load as in plain Hibernate. */
    @SuppressWarnings("DataFlowIssue") // PLAIN's store and root are never read: isCanonical() is checked first
    static final EntityBinding PLAIN = new EntityBinding(null, null, Object.class, false);

    final HibernateCanonicalStore store;
    final RootIds root;
    final Class<?> mappedClass;
    final boolean enhancedForLazyLoading;
    /** Whether a live instance that the claimant does not own yet may not be taken over now. */
    final Predicate<Object> busy;

    EntityBinding(HibernateCanonicalStore store, RootIds root, Class<?> mappedClass,
            boolean enhancedForLazyLoading) {
        this.store = store;
        this.root = root;
        this.mappedClass = mappedClass;
        this.enhancedForLazyLoading = enhancedForLazyLoading;
        this.busy = ManagedEntity.class.isAssignableFrom(mappedClass) ? ATTACHED_ELSEWHERE : NEVER_BUSY;
    }

    boolean isCanonical() {
        return this != PLAIN;
    }
}
