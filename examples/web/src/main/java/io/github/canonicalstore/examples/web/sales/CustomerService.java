package io.github.canonicalstore.examples.web.sales;

import io.github.canonicalstore.examples.chinook.Customer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a customer for the edit form and saves the edited customer. */
@Service
public class CustomerService {
    @PersistenceContext
    private EntityManager entityManager;

    /**
     * The customer the edit form binds to. Not a read-only transaction: with open-session-in-view on, the customer
     * stays managed by the request's session, and an entity loaded read-only would not be flushed by
     * {@link #save}.
     *
     * @param id the customer's id
     * @return the customer, or empty if there is no such customer
     */
    @Transactional
    public Optional<Customer> find(int id) {
        return Optional.ofNullable(entityManager.find(Customer.class, id));
    }

    /**
     * Writes an edited customer.
     *
     * @param customer the customer the form was bound to, detached (open-session-in-view off) or managed by the
     *     request's session (on)
     * @return the managed customer after the merge; committed when this method returns
     */
    @Transactional
    public Customer save(Customer customer) {
        return entityManager.merge(customer);
    }
}
