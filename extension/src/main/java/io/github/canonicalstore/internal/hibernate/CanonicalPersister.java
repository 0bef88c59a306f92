package io.github.canonicalstore.internal.hibernate;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * The store's entity persisters (one per Hibernate inheritance strategy) expose their plain behaviour through
 * this interface, so that {@link PersisterSupport} holds the logic once.
 */
interface CanonicalPersister {

    /** Hibernate's own {@code instantiate}: a new instance with the id set, linked to the session. */
    Object instantiatePlain(@Nullable Object id, SharedSessionContractImplementor session);

    /**
     * Links an instance handed out again to its new session, as a new instance would be (an enhanced entity's lazy
     * attribute interceptor). Its identifier is already the row's: it is canonical for that key.
     */
    void relink(Object entity, SharedSessionContractImplementor session);

    /** @return this persister's store binding */
    EntityBinding binding();
}
