package io.github.canonicalstore.it;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * One schema per tenant (a database per tenant on MariaDB, where schemas are databases): each connection is
 * switched to the tenant's schema. Configured by name in persistence.xml; connects to {@link #url}, which the test
 * sets before it bootstraps the unit.
 */
public class SchemaPerTenantConnections implements MultiTenantConnectionProvider<String> {
    private static final long serialVersionUID = 1L;

    static volatile String url;

    private final Db db = Db.current();

    @Override
    public Connection getAnyConnection() throws SQLException {
        return db.connect(url);
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        Connection connection = getAnyConnection();
        if (db == Db.MARIADB) {
            connection.setCatalog(schema(tenantIdentifier));
        } else if (db == Db.H2) {
            connection.setSchema(schema(tenantIdentifier).toUpperCase(java.util.Locale.ROOT));
        } else {
            connection.setSchema(schema(tenantIdentifier));
        }
        return connection;
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        throw new UnsupportedOperationException("nothing to unwrap");
    }

    static String schema(String tenant) {
        return "it_tenant_" + tenant;
    }
}
