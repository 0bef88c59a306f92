package io.github.canonicalstore.spring.boot.app;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a controller would call: each method is one transaction, so one Hibernate session. */
@Service
public class NoteService {

    private final NoteRepository notes;

    public NoteService(NoteRepository notes) {
        this.notes = notes;
    }

    @Transactional
    public long write(String text) {
        return notes.save(new Note(text)).getId();
    }

    @Transactional
    public Note read(long id) {
        return notes.findById(id).orElseThrow();
    }
}
