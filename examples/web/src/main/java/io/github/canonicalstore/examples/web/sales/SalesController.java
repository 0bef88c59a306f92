package io.github.canonicalstore.examples.web.sales;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The customers' pages: the customer list, a customer with their invoices, and an invoice with its lines. */
@Controller
public class SalesController {
    private final SalesService sales;

    /** @param sales the service that loads what the pages show */
    public SalesController(SalesService sales) {
        this.sales = sales;
    }

    /**
     * @param model the view's model
     * @return the customer list
     */
    @GetMapping("/customers")
    public String customers(Model model) {
        model.addAttribute("customers", sales.customers());
        return "customers/list";
    }

    /**
     * @param id the customer's id
     * @param model the view's model
     * @return the customer page
     */
    @GetMapping("/customers/{id}")
    public String customer(@PathVariable int id, Model model) {
        model.addAttribute("page", sales.customer(id).orElseThrow(() -> notFound("customer", id)));
        return "customers/detail";
    }

    /**
     * @param id the invoice's id
     * @param model the view's model
     * @return the invoice page
     */
    @GetMapping("/invoices/{id}")
    public String invoice(@PathVariable int id, Model model) {
        model.addAttribute("invoice", sales.invoice(id).orElseThrow(() -> notFound("invoice", id)));
        return "invoices/detail";
    }

    private static ResponseStatusException notFound(String what, int id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
    }
}
