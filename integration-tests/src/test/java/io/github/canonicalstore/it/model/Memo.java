package io.github.canonicalstore.it.model;

import io.github.canonicalstore.NonCanonical;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Opted out by annotation. */
@Entity
@Table(name = "it_memo")
@NonCanonical
public class Memo {
    @Id
    private Long id;
    private String text;

    protected Memo() {
    }

    public Memo(Long id, String text) {
        this.id = id;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }
}
