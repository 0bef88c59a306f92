package io.github.canonicalstore.it.model;

import java.io.Serializable;
import java.util.Objects;

public class ReviewId implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long bookId;
    private String reviewer;

    public ReviewId() {
    }

    public ReviewId(Long bookId, String reviewer) {
        this.bookId = bookId;
        this.reviewer = reviewer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewId that && Objects.equals(bookId, that.bookId)
                && Objects.equals(reviewer, that.reviewer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bookId, reviewer);
    }
}
