package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A row of {@code invoice_line}: one track bought on an invoice. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine implements ChinookEntity {
    @Id
    @Column(name = "invoice_line_id")
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "track_id", nullable = false)
    private Track track;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    /** For Hibernate. */
    protected InvoiceLine() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the invoice (lazy) */
    public Invoice getInvoice() {
        return invoice;
    }

    /** @return the track bought (lazy) */
    public Track getTrack() {
        return track;
    }

    /** @return the price paid per unit */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    /** @return the number of units */
    public int getQuantity() {
        return quantity;
    }

    @Override
    public String toString() {
        return "InvoiceLine#" + id;
    }
}
