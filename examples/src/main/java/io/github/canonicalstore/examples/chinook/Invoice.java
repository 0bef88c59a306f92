package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code invoice}, with its lines. */
@Entity
@Table(name = "invoice")
public class Invoice implements ChinookEntity {
    @Id
    @Column(name = "invoice_id")
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "invoice_date", nullable = false)
    private LocalDateTime invoiceDate;

    @Column(name = "billing_address")
    private String billingAddress;

    @Column(name = "billing_city")
    private String billingCity;

    @Column(name = "billing_state")
    private String billingState;

    @Column(name = "billing_country")
    private String billingCountry;

    @Column(name = "billing_postal_code")
    private String billingPostalCode;

    @Column(name = "total", nullable = false)
    private BigDecimal total;

    @OneToMany(mappedBy = "invoice", fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<InvoiceLine> lines = new ArrayList<>();

    /** For Hibernate. */
    protected Invoice() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the customer (lazy) */
    public Customer getCustomer() {
        return customer;
    }

    /** @return when the invoice was issued */
    public LocalDateTime getInvoiceDate() {
        return invoiceDate;
    }

    /** @return the billing street address, may be {@code null} */
    public String getBillingAddress() {
        return billingAddress;
    }

    /** @return the billing city, may be {@code null} */
    public String getBillingCity() {
        return billingCity;
    }

    /** @return the billing state, may be {@code null} */
    public String getBillingState() {
        return billingState;
    }

    /** @return the billing country, may be {@code null} */
    public String getBillingCountry() {
        return billingCountry;
    }

    /** @return the billing postal code, may be {@code null} */
    public String getBillingPostalCode() {
        return billingPostalCode;
    }

    /** @return the invoice total */
    public BigDecimal getTotal() {
        return total;
    }

    /** @return the lines (a lazy collection), ordered by id */
    public List<InvoiceLine> getLines() {
        return lines;
    }

    @Override
    public String toString() {
        return "Invoice#" + id;
    }
}
