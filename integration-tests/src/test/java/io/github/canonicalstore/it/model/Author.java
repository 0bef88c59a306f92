package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Author extends Person {
    private String country;

    @OneToMany(mappedBy = "author", fetch = FetchType.LAZY)
    private List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(Long id, String name, String country) {
        super(id, name);
        this.country = country;
    }

    public String getCountry() {
        return country;
    }

    public List<Book> getBooks() {
        return books;
    }
}
