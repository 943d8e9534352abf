package io.edumatrix.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A module's transaction manager: every transaction it begins carries the {@link TenantContext} bound at that moment to
 * PostgreSQL as transaction-local settings, with no context meaning no tenant. Module code never sets them.
 */
public final class TenantAwareTransactionManager extends JdbcTransactionManager {

    public TenantAwareTransactionManager(TenantAwareDataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!(connection instanceof SettingsCarrier carrier)) {
            throw new IllegalStateException("Module transactions need connections of a TenantAwareDataSource");
        }
        carrier.carry(TransactionSettings.of(TenantContext.current()));
    }
}
