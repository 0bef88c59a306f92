package io.github.canonicalstore.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** Partitioned by a tenant column: rows of different tenants may share ids. */
@Entity
@Table(name = "it_note")
public class Note {
    @Id
    private Long id;
    @TenantId
    private String tenant;
    private String text;

    protected Note() {
    }

    public Note(Long id, String text) {
        this.id = id;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getText() {
        return text;
    }
}
