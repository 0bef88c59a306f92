package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code genre}. */
@Entity
@Table(name = "genre")
public class Genre implements ChinookEntity {
    @Id
    @Column(name = "genre_id")
    private Integer id;

    @Column(name = "name")
    private String name;

    /** For Hibernate. */
    protected Genre() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the genre's name, may be {@code null} */
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Genre#" + id;
    }
}
