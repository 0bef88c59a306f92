package io.github.canonicalstore.examples.web.sales;

import io.github.canonicalstore.examples.chinook.Customer;
import io.github.canonicalstore.examples.chinook.Invoice;
import java.util.List;

/**
 * What the customer page shows.
 *
 * @param customer the customer, its support representative initialised
 * @param invoices its invoices by date, their lines initialised
 */
public record CustomerPage(Customer customer, List<Invoice> invoices) {
}
