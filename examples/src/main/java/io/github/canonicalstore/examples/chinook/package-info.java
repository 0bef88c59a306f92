/**
 * The Chinook sample database as JPA entities: one class per table, except {@code playlist_track}, the join table
 * of {@link io.github.canonicalstore.examples.chinook.Playlist#getTracks()}. Column names are those of the
 * script {@code chinook/Chinook_PostgreSql.sql}; every association is lazy.
 */
package io.github.canonicalstore.examples.chinook;
