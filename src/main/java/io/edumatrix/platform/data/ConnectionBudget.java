package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Eleven pools can oversubscribe a server. The application refuses to start when the pools of all its instances
 * would need more connections than PostgreSQL lets ordinary roles open.
 */
final class ConnectionBudget {

    private final ModuleDatabases modules;

    ConnectionBudget(ModuleDatabases modules) {
        this.modules = modules;
    }

    void check(Connection connection) throws SQLException {
        int available = availableConnections(connection);
        int instances = modules.settings().instances();
        int needed = modules.totalConnections() * instances;
        if (needed > available) {
            var shares = modules.all().stream()
                    .map(m -> m.module() + " " + m.connections())
                    .collect(Collectors.joining(", "));
            throw new ModuleStartupException(
                    "The module pools need " + needed + " connections (" + shares + (instances > 1 ? "; times " + instances
                            + " instances" : "") + ") but PostgreSQL at " + modules.location().server() + " allows " + available
                            + " (max_connections minus reserved connections)",
                    "Lower edumatrix.database.pool.maximum-pool-size (DB_MAX_CONNECTIONS) or a module's "
                            + "edumatrix.database.module.<module>.maximum-pool-size, or raise max_connections.");
        }
    }

    private static int availableConnections(Connection connection) throws SQLException {
        // reserved_connections exists from PostgreSQL 16 on; current_setting(…, true) gives null before.
        var sql = "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
                + " - coalesce(current_setting('reserved_connections', true)::int, 0)";
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
