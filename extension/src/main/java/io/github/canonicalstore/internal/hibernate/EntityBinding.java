package io.github.canonicalstore.internal.hibernate;

/**
 * What the store knows about one concrete entity persister: whether its instances are canonical, and how to key
 * them. Computed once per persister, on its first load. Immutable.
 */
final class EntityBinding {
    /** The binding of entities that load as in plain Hibernate. */
    @SuppressWarnings("DataFlowIssue") // PLAIN's store and root are never read: isCanonical() is checked first
    static final EntityBinding PLAIN = new EntityBinding(null, null, Object.class, false);

    final HibernateCanonicalStore store;
    final RootIds root;
    final Class<?> mappedClass;
    final boolean enhancedForLazyLoading;

    EntityBinding(HibernateCanonicalStore store, RootIds root, Class<?> mappedClass,
            boolean enhancedForLazyLoading) {
        this.store = store;
        this.root = root;
        this.mappedClass = mappedClass;
        this.enhancedForLazyLoading = enhancedForLazyLoading;
    }

    boolean isCanonical() {
        return this != PLAIN;
    }
}
