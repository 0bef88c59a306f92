package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code artist}. */
@Entity
@Table(name = "artist")
public class Artist implements ChinookEntity {
    @Id
    @Column(name = "artist_id")
    private Integer id;

    @Column(name = "name")
    private String name;

    /** For Hibernate. */
    protected Artist() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the artist's name, may be {@code null} */
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Artist#" + id;
    }
}
