package io.github.canonicalstore.examples.web;

import io.github.canonicalstore.examples.ChinookLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads the Chinook data into the schema {@value ChinookLoader#SCHEMA} when the application starts, dropping what
 * an earlier run left there: every start begins with the same rows. Singletons are created before the web server
 * starts, so no request sees a half-loaded database.
 */
@Component
public class ChinookDatabase implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(ChinookDatabase.class);

    private final DataSource dataSource;

    /** @param dataSource the application's data source */
    public ChinookDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Integer> rows = ChinookLoader.load(connection);
            LOG.info("Chinook loaded into the schema {}: {}", ChinookLoader.SCHEMA, rows);
        }
    }
}
