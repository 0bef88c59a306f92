package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_circle")
public class Circle extends Shape {
    private double radius;

    protected Circle() {
    }

    public Circle(Long id, String colour, double radius) {
        super(id, colour);
        this.radius = radius;
    }

    public double getRadius() {
        return radius;
    }
}
