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
     * The store's commit epoch of the commit that produced {@code values}, or of the last such commit the instance
     * received; 0 if the state only ever came from loads. A transaction that reads from a snapshot taken before
     * this commit must not be handed the instance (it would write an older version into it).
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
