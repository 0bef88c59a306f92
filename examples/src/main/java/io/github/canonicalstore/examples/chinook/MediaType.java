package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code media_type}. */
@Entity
@Table(name = "media_type")
public class MediaType implements ChinookEntity {
    @Id
    @Column(name = "media_type_id")
    private Integer id;

    @Column(name = "name")
    private String name;

    /** For Hibernate. */
    protected MediaType() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the media type's name, may be {@code null} */
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "MediaType#" + id;
    }
}
