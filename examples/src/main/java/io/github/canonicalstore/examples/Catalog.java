package io.github.canonicalstore.examples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workload can ask for: the keys of the loaded data, read once with JDBC, in a fixed order, so that a seed
 * always gives the same requests.
 *
 * @param countries the billing countries of the invoices
 * @param playlistIds the playlists
 * @param customerIds the customers
 * @param artistIdsWithAlbums the artists that have at least one album
 * @param tracksPerGenre the number of tracks of each genre that has tracks, by genre id
 * @param employeeIds the employees
 * @param trackIds the tracks
 */
public record Catalog(List<String> countries, List<Integer> playlistIds, List<Integer> customerIds,
        List<Integer> artistIdsWithAlbums, Map<Integer, Integer> tracksPerGenre, List<Integer> employeeIds,
        List<Integer> trackIds) {

    /**
     * Reads the keys.
     *
     * @param connection a connection to the loaded Chinook schema
     * @return the catalog
     * @throws SQLException if a query fails
     */
    public static Catalog read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<String> countries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT DISTINCT billing_country FROM invoice ORDER BY billing_country")) {
                while (rs.next()) {
                    countries.add(rs.getString(1));
                }
            }
            Map<Integer, Integer> tracksPerGenre = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT genre_id, COUNT(*) FROM track WHERE genre_id IS NOT NULL GROUP BY genre_id ORDER BY genre_id")) {
                while (rs.next()) {
                    tracksPerGenre.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return new Catalog(List.copyOf(countries),
                    ids(statement, "SELECT playlist_id FROM playlist ORDER BY 1"),
                    ids(statement, "SELECT customer_id FROM customer ORDER BY 1"),
                    ids(statement, "SELECT DISTINCT artist_id FROM album ORDER BY 1"),
                    Map.copyOf(tracksPerGenre),
                    ids(statement, "SELECT employee_id FROM employee ORDER BY 1"),
                    ids(statement, "SELECT track_id FROM track ORDER BY 1"));
        }
    }

    private static List<Integer> ids(Statement statement, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return List.copyOf(ids);
    }
}
