package io.github.canonicalstore.examples.chinook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code playlist}; its tracks are the rows of the join table {@code playlist_track}. */
@Entity
@Table(name = "playlist")
public class Playlist implements ChinookEntity {
    @Id
    @Column(name = "playlist_id")
    private Integer id;

    @Column(name = "name")
    private String name;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "playlist_track",
            joinColumns = @JoinColumn(name = "playlist_id"),
            inverseJoinColumns = @JoinColumn(name = "track_id"))
    private List<Track> tracks = new ArrayList<>();

    /** For Hibernate. */
    protected Playlist() {
    }

    @Override
    public Integer getId() {
        return id;
    }

    /** @return the playlist's name, may be {@code null} */
    public String getName() {
        return name;
    }

    /** @return the tracks (a lazy collection), in no particular order */
    public List<Track> getTracks() {
        return tracks;
    }

    @Override
    public String toString() {
        return "Playlist#" + id;
    }
}
