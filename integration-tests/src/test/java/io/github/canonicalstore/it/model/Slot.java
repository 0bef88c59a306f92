package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A slot of a shelf: its id is the shelf (an association) and a position, without an id class (Hibernate's
 * "virtual" embedded id: the entity is its own id).
 */
@Entity
@Table(name = "it_slot")
public class Slot implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "shelf_id", nullable = false)
    private Shelf shelf;

    @Id
    private Integer position;

    private String item;

    protected Slot() {
    }

    public Slot(Shelf shelf, Integer position, String item) {
        this.shelf = shelf;
        this.position = position;
        this.item = item;
        shelf.getSlots().add(this);
    }

    public Shelf getShelf() {
        return shelf;
    }

    public Integer getPosition() {
        return position;
    }

    public String getItem() {
        return item;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Slot slot && Objects.equals(shelf == null ? null : shelf.getId(),
                slot.shelf == null ? null : slot.shelf.getId()) && Objects.equals(position, slot.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shelf == null ? null : shelf.getId(), position);
    }
}
