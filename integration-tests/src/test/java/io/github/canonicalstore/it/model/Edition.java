package io.github.canonicalstore.it.model;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_edition")
public class Edition {
    @EmbeddedId
    private EditionId id;
    private String publisher;

    protected Edition() {
    }

    public Edition(EditionId id, String publisher) {
        this.id = id;
        this.publisher = publisher;
    }

    public EditionId getId() {
        return id;
    }

    public String getPublisher() {
        return publisher;
    }
}
