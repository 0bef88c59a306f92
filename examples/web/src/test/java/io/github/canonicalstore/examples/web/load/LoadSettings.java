package io.github.canonicalstore.examples.web.load;

import java.time.Duration;

/**
 * How much load one configuration gets. Every loop is bounded twice: by its count and by {@link #timeLimit}.
 *
 * @param readers concurrent reading clients, each with its own cookie jar (its own HTTP session)
 * @param pagesPerReader pages each reader loads at most
 * @param edits edits the editing client makes at most, alternately valid and invalid
 * @param timeLimit how long the concurrent phase may last; clients stop at their next request after it
 * @param seed the seed of the readers' choice of pages
 * @param database the database the application uses
 */
public record LoadSettings(int readers, int pagesPerReader, int edits, Duration timeLimit, long seed,
        Database database) {

    /** Checks the values. */
    public LoadSettings {
        if (readers < 1 || pagesPerReader < 1 || edits < 2) {
            throw new IllegalArgumentException("need at least 1 reader, 1 page per reader and 2 edits, got "
                    + readers + ", " + pagesPerReader + ", " + edits);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
    }

    /**
     * The short mode that runs in {@code ./mvnw verify}: about a minute per configuration on two cores, application
     * start included.
     *
     * @return 20 readers of 60 pages each and 40 edits, in 40 seconds at most
     */
    public static LoadSettings shortMode() {
        return new LoadSettings(20, 60, 40, Duration.ofSeconds(40), 42, Database.embedded());
    }

    /**
     * The long mode, for {@link LoadMain}.
     *
     * @return 20 readers of 1,500 pages each and 600 edits, in 5 minutes at most
     */
    public static LoadSettings longMode() {
        return new LoadSettings(20, 1500, 600, Duration.ofMinutes(5), 42, Database.embedded());
    }
}
