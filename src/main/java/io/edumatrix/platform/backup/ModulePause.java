package io.edumatrix.platform.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * How a restore tells every running instance that a module is paused: it holds a session-level advisory lock keyed
 * (EDMX, the module name's hash) for the whole swap. Instances read {@code pg_locks} every {@link #POLL} and answer
 * the module's requests with 503 while the lock is held; the lock goes with the restore's session, so a restore that
 * dies pauses nothing.
 */
final class ModulePause {

    static final Duration POLL = Duration.ofSeconds(1);
    /** How long a restore waits after taking the lock, so every instance has seen it before the swap. */
    static final Duration NOTICE = POLL.multipliedBy(2).plusMillis(500);

    private static final int NAMESPACE = 0x45444D58;

    private ModulePause() {}

    /** @return whether this session now pauses {@code module}; false when another session already does */
    static boolean tryPause(Connection connection, String module) throws SQLException {
        try (var query = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, module.hashCode());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Ends the pause this session holds on {@code module}; the instances see it at their next poll. */
    static void end(Connection connection, String module) throws SQLException {
        try (var query = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, module.hashCode());
            query.execute();
        }
    }

    /**
     * The modules of {@code candidates} some session pauses now in {@code database}, where restores take the lock (the
     * installation's database). {@code pg_locks} shows the whole server's locks, and an advisory lock is one
     * database's: another installation's restore of the same module on this server pauses nothing here.
     */
    static Set<String> paused(Connection connection, String database, Iterable<String> candidates) throws SQLException {
        var held = new HashSet<Long>();
        try (var query = connection.prepareStatement("SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = ?)"
                + " AND classid::bigint = ? AND objsubid = 2 AND granted")) {
            query.setString(1, database);
            query.setLong(2, Integer.toUnsignedLong(NAMESPACE));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getLong(1));
                }
            }
        }
        var paused = new HashSet<String>();
        candidates.forEach(module -> {
            if (held.contains(Integer.toUnsignedLong(module.hashCode()))) {
                paused.add(module);
            }
        });
        return paused;
    }
}
