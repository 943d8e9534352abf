package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Eleven pools can oversubscribe a server. The application refuses to start when the pools of all its instances
 * would need more connections than PostgreSQL lets ordinary roles open; the read replica's pools are checked against
 * the standby the same way ({@link #checkReplica}).
 */
public final class ConnectionBudget {

    private final ModuleDatabases modules;

    ConnectionBudget(ModuleDatabases modules) {
        this.modules = modules;
    }

    void check(Connection connection) throws SQLException {
        int available = availableConnections(connection);
        int instances = modules.settings().instances();
        int needed = modules.serverConnections();
        if (modules.settings().pool().pooled()) {
            if (needed > available) {
                throw new ModuleStartupException("Behind the pooler the modules need " + needed + " connections ("
                        + modules.all().size() + " module roles x edumatrix.database.pool.server-connections "
                        + modules.settings().pool().serverConnections() + ", plus dedicated sessions x " + instances
                        + " instances) but PostgreSQL allows " + available,
                        "Lower the pooler's pool_size and edumatrix.database.pool.server-connections"
                                + " (DB_POOL_SERVER_CONNECTIONS), or raise max_connections.");
            }
            return;
        }
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

    /**
     * The replica pools go straight to the standby, never through the pooler, so behind one they may need more there
     * than the modules need on the primary.
     */
    public static void checkReplica(ModuleDatabases modules, DatabaseLocation replica, Connection standby)
            throws SQLException {
        int available = availableConnections(standby);
        int needed = modules.replicaConnections(replica);
        if (needed > available) {
            throw new ModuleStartupException("The replica pools need " + needed + " connections at " + replica
                    + " (edumatrix.database.read.host, DB_READ_HOST: each reading module's pool size x "
                    + modules.settings().instances() + " instances, plus a lag check per instance) but the standby allows "
                    + available + " (max_connections minus reserved connections)",
                    "Raise max_connections on the standby, lower DB_MAX_CONNECTIONS, or keep some modules' reads on the"
                            + " primary (edumatrix.database.module.<module>.read-replica: false).");
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
