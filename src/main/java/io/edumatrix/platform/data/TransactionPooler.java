package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checks that the pooler in front of the database ({@code DB_POOL_HOST}) pools transactions, not sessions. In session
 * mode every application connection holds a server connection for its whole life, so the pools of all instances reach
 * PostgreSQL after all and the budget the application counts ({@code DB_POOL_SERVER_CONNECTIONS}) is wrong.
 *
 * <p>Told by behaviour, not by asking PgBouncer's admin console (which needs a user of its own): two client
 * connections, the first idle between statements, run {@code pg_backend_pid()}. In transaction mode the second is
 * handed the server connection the first just gave back (PgBouncer reuses the most recently released one); in session
 * mode, or with no pooler at all, the first keeps its own and the pids always differ.
 */
final class TransactionPooler {

    private static final int TRIES = 3;

    private TransactionPooler() {}

    static void require(ModuleDatabase module, ConnectionSettings connections, DatabaseLocation pooler) {
        var properties = connections.properties(module.appRole(), module.appPassword().orElse(null),
                module.module() + "-pooler-check", true);
        try (var first = java.sql.DriverManager.getConnection(pooler.jdbcUrl(), properties);
                var second = java.sql.DriverManager.getConnection(pooler.jdbcUrl(), properties)) {
            for (int i = 0; i < TRIES; i++) {
                if (backend(first) == backend(second)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw RoleCheck.loginFailed(module, pooler, e);
        }
        throw new ModuleStartupException("edumatrix.database.pool.host/port (DB_POOL_HOST/DB_POOL_PORT) " + pooler
                + " keeps a server connection per client connection (a pooler in session mode, or no pooler)",
                "Run PgBouncer with pool_mode = transaction for the module roles, or leave DB_POOL_HOST/DB_POOL_PORT"
                        + " empty to connect directly.");
    }

    private static int backend(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
