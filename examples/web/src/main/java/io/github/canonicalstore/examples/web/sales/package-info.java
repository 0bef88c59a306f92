/**
 * The customers' pages: customers, their invoices with their lines, and the customer edit form, whose
 * {@code @ModelAttribute} is the entity itself.
 */
package io.github.canonicalstore.examples.web.sales;
