package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A slot of a shelf: its id is the shelf (an association) and a position. */
@Entity
@Table(name = "it_slot")
@IdClass(Slot.Key.class)
public class Slot {
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

    /** The id class: the shelf's id and the position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long shelf;
        private Integer position;

        public Key() {
        }

        public Key(Long shelf, Integer position) {
            this.shelf = shelf;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(shelf, key.shelf)
                    && Objects.equals(position, key.position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shelf, position);
        }
    }
}
