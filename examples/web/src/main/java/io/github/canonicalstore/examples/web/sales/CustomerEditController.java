package io.github.canonicalstore.examples.web.sales;

import io.github.canonicalstore.examples.chinook.Customer;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer edit form, bound to the entity itself as many applications do: {@link #customer} loads it for every
 * request of the form, a POST binds the submitted fields into it and validates it ({@code @Valid}, Bean Validation
 * constraints on {@link Customer}); with errors the form is shown again with what was typed, otherwise
 * {@link CustomerService#save} writes it. With the canonical store on, that entity may be the canonical instance
 * that other requests render: this is the page that shows whether input nobody committed stays with its client.
 */
@Controller
@RequestMapping("/customers/{id}/edit")
public class CustomerEditController {
    /** The fields the form may bind; anything else in a request is ignored. */
    public static final List<String> EDITABLE_FIELDS = List.of("firstName", "lastName", "company", "address",
            "city", "state", "country", "postalCode", "phone", "fax", "email");

    private final CustomerService customers;

    /** @param customers loads and saves the customer */
    public CustomerEditController(CustomerService customers) {
        this.customers = customers;
    }

    /**
     * Binds to the entity's fields (it has getters, no setters), only the editable ones, and empty inputs as
     * {@code null}, as the columns hold them.
     *
     * @param binder the binder of the {@code customer} model attribute
     */
    @InitBinder("customer")
    public void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAllowedFields(EDITABLE_FIELDS.toArray(String[]::new));
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /**
     * The entity the form shows and binds to.
     *
     * @param id the customer's id
     * @return the customer as loaded by {@link CustomerService#find}
     */
    @ModelAttribute("customer")
    public Customer customer(@PathVariable int id) {
        return customers.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
    }

    /** @return the names of the form's fields, in the order it shows them */
    @ModelAttribute("editableFields")
    public List<String> editableFields() {
        return EDITABLE_FIELDS;
    }

    /** @return the form, filled with the customer */
    @GetMapping
    public String form() {
        return "customers/edit";
    }

    /**
     * Saves a valid submission; shows the form again, with the errors, for an invalid one.
     *
     * @param customer the customer with the submitted fields bound into it
     * @param result the binding and validation errors
     * @return a redirect to the customer page after saving, or the form again
     */
    @PostMapping
    public String save(@Valid @ModelAttribute("customer") Customer customer, BindingResult result) {
        if (result.hasErrors()) {
            return "customers/edit";
        }
        customers.save(customer);
        return "redirect:/customers/" + customer.getId();
    }
}
