package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Root of a table-per-class (union subclass) hierarchy. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Shape {
    @Id
    private Long id;
    private String colour;

    protected Shape() {
    }

    protected Shape(Long id, String colour) {
        this.id = id;
        this.colour = colour;
    }

    public Long getId() {
        return id;
    }

    public String getColour() {
        return colour;
    }
}
