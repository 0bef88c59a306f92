package io.github.canonicalstore.it.model;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** An embedded id whose equals is deliberately identity-based: the store must compare by Hibernate's id type. */
@Embeddable
public class EditionId implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long bookId;
    private Integer number;

    protected EditionId() {
    }

    public EditionId(Long bookId, Integer number) {
        this.bookId = bookId;
        this.number = number;
    }

    public Long getBookId() {
        return bookId;
    }

    public Integer getNumber() {
        return number;
    }
}
