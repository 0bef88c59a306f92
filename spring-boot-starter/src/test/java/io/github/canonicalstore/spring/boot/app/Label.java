package io.github.canonicalstore.spring.boot.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A second entity, so that {@code canonical-store.exclude} can name two. */
@Entity
public class Label {

    @Id
    private Long id;

    protected Label() {
    }
}
