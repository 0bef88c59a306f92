package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_car")
public class Car extends Vehicle {
    private int seats;

    protected Car() {
    }

    public Car(Long id, String plate, int seats) {
        super(id, plate);
        this.seats = seats;
    }

    public int getSeats() {
        return seats;
    }
}
