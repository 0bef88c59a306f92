package io.github.canonicalstore.spring.boot.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A tiny entity for the tests. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int version;

    private String text;

    protected Note() {
    }

    public Note(String text) {
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }
}
