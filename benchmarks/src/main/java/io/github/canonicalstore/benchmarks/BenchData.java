package io.github.canonicalstore.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * Creates the benchmarks' Chinook-like tables ({@code bench_genre}, {@code bench_album}, {@code bench_track}) and
 * fills them with deterministic rows: the same seed gives the same data on H2 and PostgreSQL. Drops the tables
 * first, so it never touches anything but its own {@code bench_} tables.
 */
public final class BenchData {
    /** Genres, as in Chinook. */
    public static final int GENRES = 25;

    private static final String[] WORDS = {
        "Love", "Night", "Blue", "Road", "Fire", "Heart", "Rain", "Dream", "Time", "River", "Song", "Black", "Gold",
        "Moon", "Angel", "Sun", "Rock", "Devil", "Dance", "Stone", "Light", "Soul", "World", "Wild", "Girl", "Home",
        "Train", "Summer", "Highway", "Sky", "Shadow", "Whisper", "Thunder", "City", "Ocean", "Sweet", "Lonely",
    };
    private static final String[] COMPOSERS = {
        "Angus Young, Malcolm Young, Brian Johnson", "Steven Tyler, Joe Perry", "Jimmy Page, Robert Plant",
        "J.S. Bach", "Chico Science", "Billy Corgan", "Gilberto Gil", "Kurt Cobain", "Roger Waters",
        "Lennon, McCartney", "Tony Iommi, Bill Ward, Geezer Butler, Ozzy Osbourne", "Bono, The Edge",
        "Miles Davis", "Caetano Veloso", "Jagger, Richards", "Vinicius de Moraes, Tom Jobim",
    };

    private BenchData() {
    }

    /**
     * Opens a JDBC connection.
     *
     * @param url the JDBC URL
     * @param user the user
     * @param password the password
     * @return the connection, auto-commit on
     * @throws SQLException if the database does not answer
     */
    public static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Drops and creates the three tables and fills them.
     *
     * @param connection where
     * @param tracks how many tracks (ids 1 to {@code tracks})
     * @throws SQLException on any database error
     */
    public static void create(Connection connection, int tracks) throws SQLException {
        int albums = Math.max(1, tracks / 10); // Chinook: 3,503 tracks on 347 albums
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists bench_track");
            ddl.execute("drop table if exists bench_album");
            ddl.execute("drop table if exists bench_genre");
            ddl.execute("create table bench_genre (genre_id integer primary key, name varchar(120))");
            ddl.execute("create table bench_album (album_id integer primary key, title varchar(160) not null, "
                    + "artist_id integer not null)");
            ddl.execute("create table bench_track (track_id integer primary key, name varchar(200) not null, "
                    + "album_id integer references bench_album, genre_id integer references bench_genre, "
                    + "composer varchar(220), milliseconds integer not null, bytes integer, "
                    + "unit_price numeric(10, 2) not null, version integer default 0 not null)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            SplittableRandom random = new SplittableRandom(20_000);
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_genre values (?, ?)")) {
                for (int id = 1; id <= GENRES; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, words(random, 1) + " " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_album values (?, ?, ?)")) {
                for (int id = 1; id <= albums; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, words(random, 1 + random.nextInt(4)));
                    insert.setInt(3, 1 + random.nextInt(275));
                    insert.addBatch();
                    if (id % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into bench_track (track_id, name, album_id, genre_id, composer, "
                            + "milliseconds, bytes, unit_price) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= tracks; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, words(random, 1 + random.nextInt(5)));
                    insert.setInt(3, 1 + (id - 1) * albums / tracks); // consecutive tracks share an album
                    if (random.nextInt(50) == 0) {
                        insert.setNull(4, Types.INTEGER);
                    } else {
                        insert.setInt(4, 1 + random.nextInt(GENRES));
                    }
                    if (random.nextInt(4) == 0) {
                        insert.setNull(5, Types.VARCHAR); // about a quarter of Chinook's tracks have no composer
                    } else {
                        insert.setString(5, COMPOSERS[random.nextInt(COMPOSERS.length)]);
                    }
                    insert.setInt(6, 60_000 + random.nextInt(400_000));
                    insert.setInt(7, 1_000_000 + random.nextInt(12_000_000));
                    insert.setBigDecimal(8, random.nextInt(10) == 0 ? new BigDecimal("1.99") : new BigDecimal("0.99"));
                    insert.addBatch();
                    if (id % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement analyze = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")) {
                analyze.execute("analyze bench_genre");
                analyze.execute("analyze bench_album");
                analyze.execute("analyze bench_track");
            }
        }
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
