package io.github.canonicalstore.it.model;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An entity with a primitive generated id (a new one has id 0, Hibernate's unsaved value) and a reference without a
 * foreign key, which may name a shop that does not exist (store-composite unit).
 */
@Entity
@Table(name = "it_ticket")
public class Ticket {
    @Id
    @GeneratedValue
    private long id;
    private String subject;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shop_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    private Shop shop;

    protected Ticket() {
    }

    public Ticket(String subject) {
        this.subject = subject;
    }

    public long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public Shop getShop() {
        return shop;
    }
}
