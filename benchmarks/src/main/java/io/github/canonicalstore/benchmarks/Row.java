package io.github.canonicalstore.benchmarks;

/**
 * The value of the store-alone benchmarks: a small object standing for an entity, equal by id so that Guava's
 * interner (which keys by the value itself) can find it from an equal probe.
 */
public final class Row {
    final long id;

    /**
     * Creates a row.
     *
     * @param id its id
     */
    public Row(long id) {
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row that && id == that.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Row#" + id;
    }
}
