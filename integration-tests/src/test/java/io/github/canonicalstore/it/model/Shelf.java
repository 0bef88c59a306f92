package io.github.canonicalstore.it.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A shelf with a generated id, whose slots have it in their composite id. */
@Entity
@Table(name = "it_shelf")
public class Shelf {
    @Id
    @GeneratedValue
    private Long id;
    private String label;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shop_id", nullable = false)
    private Shop shop;

    @OneToMany(mappedBy = "shelf", cascade = {CascadeType.MERGE, CascadeType.PERSIST})
    private List<Slot> slots = new ArrayList<>();

    protected Shelf() {
    }

    public Shelf(String label, Shop shop) {
        this.label = label;
        this.shop = shop;
        shop.getShelves().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<Slot> getSlots() {
        return slots;
    }
}
