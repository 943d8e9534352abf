package io.edumatrix.platform.tenancy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A module's pool, handing out connections that carry each transaction's tenant settings to PostgreSQL with the
 * transaction's first statement instead of as a statement of their own (one round trip fewer per transaction). The
 * settings are given to a connection by {@link TenantAwareTransactionManager} when a transaction begins, signed with
 * the module's settings key (ADR 0026).
 */
public final class TenantAwareDataSource extends DelegatingDataSource {

    private final SettingsSigner signer;

    public TenantAwareDataSource(DataSource pool, SettingsSigner signer) {
        super(pool);
        this.signer = signer;
    }

    SettingsSigner signer() {
        return signer;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(TenantAwareDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class, SettingsCarrier.class},
                new SettingsCarryingConnection(connection, TenantContext.current(), signer));
    }
}
