package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** Root of a joined-subclass hierarchy. */
@Entity
@Table(name = "it_vehicle")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
    @Id
    private Long id;
    private String plate;

    protected Vehicle() {
    }

    public Vehicle(Long id, String plate) {
        this.id = id;
        this.plate = plate;
    }

    public Long getId() {
        return id;
    }

    public String getPlate() {
        return plate;
    }
}
