package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Finds the store of a factory, for {@link CanonicalStore#of}. Stateless and thread-safe. */
public final class CanonicalStores {
    private CanonicalStores() {
    }

    /**
     * The store of {@code factory}; see {@link CanonicalStore#of}.
     *
     * @param factory the factory
     * @return its store
     * @throws IllegalStateException if the store is not enabled on {@code factory}, or it is closed
     * @throws IllegalArgumentException if {@code factory} is not a Hibernate ORM factory
     */
    public static CanonicalStore of(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        SessionFactoryImplementor sessionFactory;
        try {
            sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
        } catch (PersistenceException | IllegalStateException e) {
            if (!factory.isOpen()) {
                throw new IllegalStateException("the factory is closed: " + factory, e);
            }
            throw new IllegalArgumentException("not a Hibernate ORM factory: " + factory.getClass().getName(), e);
        }
        if (sessionFactory.isClosed()) {
            throw new IllegalStateException("the SessionFactory is closed: " + sessionFactory.getName());
        }
        HibernateCanonicalStore store =
                sessionFactory.getServiceRegistry().getService(HibernateCanonicalStore.class);
        if (store == null) {
            throw new IllegalStateException("the canonical store is not enabled on this factory: set "
                    + CanonicalStoreSettings.ENABLED + "=true in persistence.xml or hibernate.properties");
        }
        return store;
    }
}
