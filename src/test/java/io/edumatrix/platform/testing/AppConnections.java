package io.edumatrix.platform.testing;

import io.edumatrix.platform.data.ModuleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Connections as a module's app role, the role its pool logs in as, for tests that check what PostgreSQL lets the
 * application see and do: under the module's grants and row-level security, with the tenant a request would set.
 */
public final class AppConnections {

    private AppConnections() {}

    /** Logged in as the module's app role. */
    public static Connection connect(ModuleDatabase module) throws SQLException {
        return TestDatabase.get().connectAs(module.appRole(), TestDatabase.get().appPassword());
    }

    /**
     * Logged in as the module's app role, in a transaction of the institution, as a request's would be; the caller
     * ends it (tests roll back).
     */
    public static Connection connectIn(ModuleDatabase module, UUID institution) throws SQLException {
        var connection = connect(module);
        try {
            connection.setAutoCommit(false);
            setTenant(connection, institution);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The institution of the connection's current transaction, as the platform sets it for a request. */
    public static void setTenant(Connection connection, UUID institution) throws SQLException {
        try (var tenant = connection.prepareStatement("SELECT set_config('app.institution_id', ?, true)")) {
            tenant.setString(1, institution.toString());
            tenant.execute();
        }
    }
}
