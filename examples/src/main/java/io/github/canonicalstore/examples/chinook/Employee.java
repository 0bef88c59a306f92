package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code employee}; {@code reports_to} references another employee. */
@Entity
@Table(name = "employee")
public class Employee implements ChinookEntity {
    @Id
    @Column(name = "employee_id")
    private Integer id;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "title")
    private String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reports_to")
    private Employee reportsTo;

    @Column(name = "birth_date")
    private LocalDateTime birthDate;

    @Column(name = "hire_date")
    private LocalDateTime hireDate;

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

    @Column(name = "email")
    private String email;

    /** For Hibernate. */
    protected Employee() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the last name */
    public String getLastName() {
        return lastName;
    }

    /** @return the first name */
    public String getFirstName() {
        return firstName;
    }

    /** @return the job title, may be {@code null} */
    public String getTitle() {
        return title;
    }

    /** @return the manager (lazy), {@code null} for the general manager */
    public Employee getReportsTo() {
        return reportsTo;
    }

    /** @return the birth date, may be {@code null} */
    public LocalDateTime getBirthDate() {
        return birthDate;
    }

    /** @return the hire date, may be {@code null} */
    public LocalDateTime getHireDate() {
        return hireDate;
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

    /** @return the e-mail address, may be {@code null} */
    public String getEmail() {
        return email;
    }

    @Override
    public String toString() {
        return "Employee#" + id;
    }
}
