package io.github.canonicalstore.examples.web.sales;

import io.github.canonicalstore.examples.chinook.Customer;
import io.github.canonicalstore.examples.chinook.Invoice;
import io.github.canonicalstore.examples.chinook.InvoiceLine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads customers and invoices for the pages, in read-only transactions, initialising every lazy association and
 * collection its page renders before it returns.
 */
@Service
@Transactional(readOnly = true)
public class SalesService {
    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Every customer with their support representative.
     *
     * @return the customers by last name, first name and id
     */
    public List<Customer> customers() {
        List<Customer> customers = entityManager
                .createQuery("select c from Customer c order by c.lastName, c.firstName, c.id", Customer.class)
                .getResultList();
        customers.forEach(customer -> Hibernate.initialize(customer.getSupportRep()));
        return customers;
    }

    /**
     * A customer with their support representative and their invoices, each with its lines.
     *
     * @param id the customer's id
     * @return the page, or empty if there is no such customer
     */
    public Optional<CustomerPage> customer(int id) {
        Customer customer = entityManager.find(Customer.class, id);
        if (customer == null) {
            return Optional.empty();
        }
        Hibernate.initialize(customer.getSupportRep());
        List<Invoice> invoices = entityManager
                .createQuery("select i from Invoice i where i.customer = :customer order by i.invoiceDate, i.id",
                        Invoice.class)
                .setParameter("customer", customer)
                .getResultList();
        invoices.forEach(invoice -> Hibernate.initialize(invoice.getLines()));
        return Optional.of(new CustomerPage(customer, invoices));
    }

    /**
     * An invoice with its customer and its lines, each with its track and the track's album.
     *
     * @param id the invoice's id
     * @return the invoice, or empty if there is no such invoice
     */
    public Optional<Invoice> invoice(int id) {
        Invoice invoice = entityManager.find(Invoice.class, id);
        if (invoice == null) {
            return Optional.empty();
        }
        Hibernate.initialize(invoice.getCustomer());
        Hibernate.initialize(invoice.getLines());
        for (InvoiceLine line : invoice.getLines()) {
            Hibernate.initialize(line.getTrack());
            Hibernate.initialize(line.getTrack().getAlbum());
        }
        return Optional.of(invoice);
    }
}
