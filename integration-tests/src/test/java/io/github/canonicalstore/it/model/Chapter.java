package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "it_chapter")
public class Chapter {
    @Id
    private Long id;
    private int number;
    private String heading;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "book_id")
    private Book book;

    protected Chapter() {
    }

    public Chapter(Long id, Book book, int number, String heading) {
        this.id = id;
        this.book = book;
        this.number = number;
        this.heading = heading;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public String getHeading() {
        return heading;
    }

    public void setHeading(String heading) {
        this.heading = heading;
    }

    public Book getBook() {
        return book;
    }
}
