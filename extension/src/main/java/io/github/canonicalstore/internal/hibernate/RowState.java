package io.github.canonicalstore.internal.hibernate;

import org.jspecify.annotations.Nullable;

/**
 * What the store remembers about a canonical instance's row: the entity class, and a snapshot of the property
 * values the row last had in the database as far as this instance knows (as loaded, or as committed through it),
 * in the order of {@code EntityPersister.getPropertyTypes()} (see {@link EntityBinding#snapshot}). A snapshot holds
 * no entity and no collection, only identifiers and copies of values: the store holds it strongly, and an entity
 * in it would keep canonical instances alive. Immutable; the array is never changed after construction.
 *
 * <p>{@code values} is {@code null} while unknown (a StatelessSession read, which Hibernate reports to no
 * listener): an instance whose committed state is unknown is taken to have no pending edits.
 */
final class RowState {
    final Class<?> entityClass;
    final Object @Nullable [] values;
    /**
     * A store commit epoch that the state in {@code values} is at least as new as: that of the commit that produced
     * it or of the last such commit the instance received, or one taken when a load brought a new {@code @Version}
     * (see {@code HibernateCanonicalStore.loadedState}); 0 if the state only ever came from loads of one version.
     * A statement or snapshot that began before this epoch must not be handed the instance: its row may be older,
     * and it would write an older version into the instance.
     */
    final long committedAt;

    RowState(Class<?> entityClass, Object @Nullable [] values, long committedAt) {
        this.entityClass = entityClass;
        this.values = values;
        this.committedAt = committedAt;
    }

    static long committedAt(@Nullable Object state) {
        return state instanceof RowState row ? row.committedAt : 0;
    }
}
