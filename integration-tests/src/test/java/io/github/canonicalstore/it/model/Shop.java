package io.github.canonicalstore.it.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import java.util.List;

/** A shop with shelves (a cached collection) that are merged and persisted through it (store-composite unit). */
@Entity
@Table(name = "it_shop")
public class Shop {
    @Id
    private Long id;
    private String name;

    @OneToMany(mappedBy = "shop", cascade = {CascadeType.MERGE, CascadeType.PERSIST})
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<Shelf> shelves = new ArrayList<>();

    protected Shop() {
    }

    public Shop(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Shelf> getShelves() {
        return shelves;
    }
}
