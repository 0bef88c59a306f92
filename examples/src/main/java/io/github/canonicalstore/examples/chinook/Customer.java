package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A row of {@code customer}; {@code support_rep_id} references an employee. The Bean Validation constraints
 * repeat the columns' lengths and {@code NOT NULL}s, so that a form bound to a customer rejects what the table would
 * (the web example's edit page); without a validator on the class path they change nothing.
 */
@Entity
@Table(name = "customer")
public class Customer implements ChinookEntity {
    @Id
    @Column(name = "customer_id")
    private Integer id;

    @NotBlank
    @Size(max = 40)
    @Column(name = "first_name", nullable = false)
    private String firstName;

    @NotBlank
    @Size(max = 20)
    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Size(max = 80)
    @Column(name = "company")
    private String company;

    @Size(max = 70)
    @Column(name = "address")
    private String address;

    @Size(max = 40)
    @Column(name = "city")
    private String city;

    @Size(max = 40)
    @Column(name = "state")
    private String state;

    @Size(max = 40)
    @Column(name = "country")
    private String country;

    @Size(max = 10)
    @Column(name = "postal_code")
    private String postalCode;

    @Size(max = 24)
    @Column(name = "phone")
    private String phone;

    @Size(max = 24)
    @Column(name = "fax")
    private String fax;

    @NotBlank
    @Email
    @Size(max = 60)
    @Column(name = "email", nullable = false)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "support_rep_id")
    private Employee supportRep;

    /** For Hibernate. */
    protected Customer() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the first name */
    public String getFirstName() {
        return firstName;
    }

    /** @return the last name */
    public String getLastName() {
        return lastName;
    }

    /** @return the company, may be {@code null} */
    public String getCompany() {
        return company;
    }

    /** @return the street address, may be {@code null} */
    public String getAddress() {
        return address;
    }

    /** @return the city, may be {@code null} */
    public String getCity() {
        return city;
    }

    /** @return the state, may be {@code null} */
    public String getState() {
        return state;
    }

    /** @return the country, may be {@code null} */
    public String getCountry() {
        return country;
    }

    /** @return the postal code, may be {@code null} */
    public String getPostalCode() {
        return postalCode;
    }

    /** @return the phone number, may be {@code null} */
    public String getPhone() {
        return phone;
    }

    /** @return the fax number, may be {@code null} */
    public String getFax() {
        return fax;
    }

    /** @return the e-mail address */
    public String getEmail() {
        return email;
    }

    /** @return the support representative (lazy), may be {@code null} */
    public Employee getSupportRep() {
        return supportRep;
    }

    @Override
    public String toString() {
        return "Customer#" + id;
    }
}
