package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Lives in one schema (or database) per tenant; see the schema-tenants persistence unit. */
@Entity
@Table(name = "it_ledger")
public class Ledger {
    @Id
    private Long id;
    private String owner;

    protected Ledger() {
    }

    public Ledger(Long id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }
}
