package io.github.canonicalstore.examples.web.diagnostics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /diagnostics}: the failures and foreign session uses counted since the start, and the connection
 * pool's state.
 */
@RestController
public class DiagnosticsController {
    private final RequestFailures failures;
    private final ForeignSessionUses foreignSessionUses;
    private final DataSource dataSource;

    /**
     * @param failures the exceptions that escaped requests
     * @param foreignSessionUses the loads through another thread's session
     * @param dataSource the application's data source
     */
    public DiagnosticsController(RequestFailures failures, ForeignSessionUses foreignSessionUses,
            DataSource dataSource) {
        this.failures = failures;
        this.foreignSessionUses = foreignSessionUses;
        this.dataSource = dataSource;
    }

    /** @return what was counted so far */
    @GetMapping("/diagnostics")
    public Diagnostics diagnostics() {
        return new Diagnostics(failures.snapshot(), foreignSessionUses.count(), foreignSessionUses.samples(),
                connectionPool());
    }

    private @Nullable ConnectionPool connectionPool() {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            return pool == null ? null
                    : new ConnectionPool(pool.getActiveConnections(), pool.getIdleConnections(),
                            pool.getTotalConnections());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot unwrap the data source", e);
        }
    }
}
