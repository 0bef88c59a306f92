package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Opted out by the exclude setting in persistence.xml. */
@Entity
@Table(name = "it_tag")
public class Tag {
    @Id
    private Long id;
    private String label;

    protected Tag() {
    }

    public Tag(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
