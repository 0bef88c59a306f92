package io.github.canonicalstore.it.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;

/** Cached in the second-level cache, with a natural id. */
@Entity
@Table(name = "it_genre")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Genre {
    @Id
    private Integer id;
    @NaturalId
    private String code;
    private String label;

    protected Genre() {
    }

    public Genre(Integer id, String code, String label) {
        this.id = id;
        this.code = code;
        this.label = label;
    }

    public Integer getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
