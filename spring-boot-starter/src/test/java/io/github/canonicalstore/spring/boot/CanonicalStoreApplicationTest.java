package io.github.canonicalstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.spring.boot.app.Note;
import io.github.canonicalstore.spring.boot.app.NoteService;
import io.github.canonicalstore.spring.boot.app.NotesApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Spring Boot application (H2, Spring Data JPA, a service) with the starter on the class path and one
 * property set: two transactions that read the same row get the same instance.
 */
@SpringBootTest(classes = NotesApplication.class, properties = "canonical-store.enabled=true")
class CanonicalStoreApplicationTest {

    @Autowired
    private NoteService notes;

    @Autowired
    private CanonicalStore store;

    @Test
    void twoTransactionsReadingOneRowGetOneInstance() {
        long id = notes.write("hello");

        Note first = notes.read(id);
        Note second = notes.read(id);

        assertThat(second).isSameAs(first);
        assertThat(store.find(Note.class, id)).containsSame(first);
        assertThat(store.statistics().hits()).isPositive();
    }
}
