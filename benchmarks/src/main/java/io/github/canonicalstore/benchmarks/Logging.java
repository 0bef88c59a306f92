package io.github.canonicalstore.benchmarks;

/** Routes Hibernate's JBoss Logging to slf4j-simple (configured by {@code simplelogger.properties}: warnings). */
final class Logging {
    private Logging() {
    }

    static void configure() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }
}
