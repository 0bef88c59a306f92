package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_review")
@IdClass(ReviewId.class)
public class Review {
    @Id
    private Long bookId;
    @Id
    private String reviewer;
    private int stars;

    protected Review() {
    }

    public Review(Long bookId, String reviewer, int stars) {
        this.bookId = bookId;
        this.reviewer = reviewer;
        this.stars = stars;
    }

    public Long getBookId() {
        return bookId;
    }

    public String getReviewer() {
        return reviewer;
    }

    public int getStars() {
        return stars;
    }
}
