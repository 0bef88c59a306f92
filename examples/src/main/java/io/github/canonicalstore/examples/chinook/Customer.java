package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A row of {@code customer}; {@code support_rep_id} references an employee. */
@Entity
@Table(name = "customer")
public class Customer implements ChinookEntity {
    @Id
    @Column(name = "customer_id")
    private Integer id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "company")
    private String company;

    @Column(name = "address")
    private String address;

    @Column(name = "city")
    private String city;

    @Column(name = "state")
    private String state;

    @Column(name = "country")
    private String country;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "phone")
    private String phone;

    @Column(name = "fax")
    private String fax;

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
