package io.github.canonicalstore.examples.chinook;

/** An entity of the Chinook model: every table has a single integer primary key (except the join table). */
public interface ChinookEntity {

    /** @return the primary key of the row */
    Integer getId();
}
