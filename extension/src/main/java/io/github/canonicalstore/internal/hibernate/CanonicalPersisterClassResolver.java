package io.github.canonicalstore.internal.hibernate;

import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.persister.spi.PersisterClassResolver;

/**
 * Chooses the store's persister for every entity whose persister would be one of Hibernate's three standard
 * ones; entities with a persister of their own (a custom {@code PersisterClassResolver} or {@code @Persister})
 * keep it and load as in plain Hibernate. Collections are untouched. Stateless and thread-safe.
 */
final class CanonicalPersisterClassResolver implements PersisterClassResolver {
    private static final long serialVersionUID = 1L;

    private final PersisterClassResolver delegate;

    CanonicalPersisterClassResolver(PersisterClassResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Class<? extends EntityPersister> getEntityPersisterClass(PersistentClass metadata) {
        Class<? extends EntityPersister> chosen = delegate.getEntityPersisterClass(metadata);
        if (chosen == SingleTableEntityPersister.class) {
            return CanonicalSingleTableEntityPersister.class;
        }
        if (chosen == JoinedSubclassEntityPersister.class) {
            return CanonicalJoinedSubclassEntityPersister.class;
        }
        if (chosen == UnionSubclassEntityPersister.class) {
            return CanonicalUnionSubclassEntityPersister.class;
        }
        return chosen;
    }

    @Override
    public Class<? extends CollectionPersister> getCollectionPersisterClass(Collection metadata) {
        return delegate.getCollectionPersisterClass(metadata);
    }
}
