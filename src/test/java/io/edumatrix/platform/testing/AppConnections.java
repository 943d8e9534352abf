package io.edumatrix.platform.testing;

import io.edumatrix.platform.data.ModuleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Connections as a module's app role, the role its pool logs in as, for tests that check what PostgreSQL lets the
 * application see and do: under the module's grants and row-level security, with the tenant a request would set,
 * signed with the module's settings key as the platform signs it (ADR 0026).
 */
public final class AppConnections {

    /** The setting that names the tenant. */
    public static final String INSTITUTION = "app.institution_id";

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
            setTenant(connection, module, institution);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The institution of the connection's current transaction, as the platform sets it for a request. */
    public static void setTenant(Connection connection, ModuleDatabase module, UUID institution) throws SQLException {
        set(connection, INSTITUTION, sign(module, INSTITUTION, institution.toString(), System.currentTimeMillis()));
    }

    /** Sets {@code setting} to {@code value} as it is, for the rest of the connection's transaction. */
    public static void set(Connection connection, String setting, String value) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            statement.setString(1, setting);
            statement.setString(2, value);
            statement.execute();
        }
    }

    /**
     * {@code value} signed for {@code setting} with the module's settings key, as issued at {@code issuedMillis}: the
     * HMAC computed from the padded keys the module's verifier uses, read as the admin.
     */
    public static String sign(ModuleDatabase module, String setting, String value, long issuedMillis)
            throws SQLException {
        var signed = value + "|" + issuedMillis;
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.prepareStatement("SELECT"
                + " encode(sha256(outer_pad || sha256(inner_pad || convert_to(?, 'UTF8'))), 'hex') FROM "
                + module.schema() + ".settings_key")) {
            statement.setString(1, setting + "|" + signed);
            try (var row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Module " + module.module() + " has no settings key");
                }
                return signed + "|" + row.getString(1);
            }
        }
    }
}
