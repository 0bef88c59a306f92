package io.github.canonicalstore.benchmarks.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code bench_genre}. */
@Entity(name = "Genre")
@Table(name = "bench_genre")
@Cacheable
public class Genre {
    @Id
    @Column(name = "genre_id")
    private Integer id;

    @Column(name = "name")
    private String name;

    /** For the ORMs. */
    protected Genre() {
    }

    /** @return the id */
    public Integer getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }
}
