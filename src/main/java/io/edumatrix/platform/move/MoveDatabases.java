package io.edumatrix.platform.move;

import io.edumatrix.platform.data.ConnectionSettings;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * The SQL a move runs on its two servers, as their admin role: publication, slot and subscription names, lag, the
 * checks a target must pass. Names carry the module's, so moves of several modules do not meet.
 */
final class MoveDatabases {

    private MoveDatabases() {}

    /**
     * A server's admin connection, as {@link ConnectionSettings} makes every other (TLS and client certificate
     * included), with a short connect timeout: an unreachable target is refused before anything changes.
     */
    static Connection admin(ModuleDatabases modules, ModuleLocation location) throws SQLException {
        var properties = new ConnectionSettings(modules.settings())
                .properties(location.adminUser(), location.adminPassword(), "edumatrix-move", false);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(ConnectionSettings.direct(location).jdbcUrl(), properties);
    }

    /** The publication, the replication slot and the subscription of a module's move share one name. */
    static String replicationName(ModuleDatabase module) {
        return "edumatrix_move_" + module.module();
    }

    static String ident(String name) {
        try {
            return Utils.escapeIdentifier(null, name).toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static void execute(Connection connection, String... sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (var each : sql) {
                statement.execute(each);
            }
        }
    }

    static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static long number(Connection connection, String sql, Object... parameters) throws SQLException {
        var value = text(connection, sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                var values = new ArrayList<String>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    /** The schema's tables, qualified and quoted, partitioned parents and partitions included. */
    static List<String> tables(Connection connection, String schema) throws SQLException {
        return column(connection, "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = ?"
                + " ORDER BY 1", schema);
    }

    static boolean schemaExists(Connection connection, String schema) throws SQLException {
        return text(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema) != null;
    }

    static boolean subscriptionExists(Connection target, ModuleDatabase module) throws SQLException {
        return text(target, "SELECT 1 FROM pg_subscription WHERE subname = ?", replicationName(module)) != null;
    }

    static String schemaComment(Connection connection, String schema) throws SQLException {
        return text(connection, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?", schema);
    }

    /**
     * How far the subscriber is behind the source's WAL, in bytes, as the source's walsender last heard from it; -1
     * while it has not connected. The position is what the subscriber has applied (committed), which it reports after
     * every batch; what it has flushed trails by up to the WAL writer's delay, since subscriptions commit
     * asynchronously, and would keep the cut-over waiting for a lag that is not there.
     */
    static long lagBytes(Connection source, ModuleDatabase module) throws SQLException {
        var lag = text(source, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(r.replay_lsn, s.confirmed_flush_lsn))::bigint"
                + " FROM pg_replication_slots s LEFT JOIN pg_stat_replication r ON r.pid = s.active_pid"
                + " WHERE s.slot_name = ?", replicationName(module));
        return lag == null ? -1 : Long.parseLong(lag);
    }
}
