package io.edumatrix.platform.data.replica;

import io.edumatrix.platform.data.DatabaseLocation;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one replica's replay lag behind the primary, every check interval, on a thread of its own ({@link ReplayLag}).
 * A replica that does not answer is down; either way {@link #usable} turns false and reads go to the primary.
 */
final class ReplicaMonitor {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    /** One round trip to each side: the primary's WAL position, then how far the replica has replayed. */
    private static final String PRIMARY_LSN = "SELECT pg_current_wal_lsn()::text";
    private static final String REPLICA_LSN = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text";

    enum State { UP, LAGGING, DOWN }

    private final DatabaseLocation location;
    private final HikariDataSource replica;
    private final List<HikariDataSource> modulePools = new CopyOnWriteArrayList<>();
    private final DataSource primary;
    private final Duration maxLag;
    private final AtomicReference<State> state = new AtomicReference<>(State.UP);
    private final ReplayLag replayLag = new ReplayLag();
    private volatile double lagSeconds = Double.NaN;

    ReplicaMonitor(DatabaseLocation location, HikariDataSource replica, DataSource primary, Duration maxLag) {
        this.location = location;
        this.replica = replica;
        this.primary = primary;
        this.maxLag = maxLag;
    }

    DatabaseLocation location() {
        return location;
    }

    /** A module's replica pool on this replica, whose connections die with it. */
    void serves(HikariDataSource modulePool) {
        modulePools.add(modulePool);
    }

    /** Seconds of replay lag at the last check; NaN while the replica is down. */
    double lagSeconds() {
        return lagSeconds;
    }

    State state() {
        return state.get();
    }

    boolean usable() {
        return state.get() == State.UP;
    }

    /** A read that found the replica unreachable says so at once rather than at the next check. */
    void down(Exception cause) {
        lagSeconds = Double.NaN;
        if (state.getAndSet(State.DOWN) != State.DOWN) {
            log.warn("Read replica {} is down, reads go to the primary: {}", location, cause.getMessage());
            // Connections to a replica that went away are dead; none may serve a read once it is back.
            replica.getHikariPoolMXBean().softEvictConnections();
            modulePools.forEach(pool -> pool.getHikariPoolMXBean().softEvictConnections());
        }
    }

    void check() {
        String primaryLsn;
        try (var connection = primary.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(PRIMARY_LSN)) {
            rows.next();
            primaryLsn = rows.getString(1);
        } catch (SQLException e) {
            return; // The primary's own trouble; nothing to say about the replica.
        }
        var seenAt = System.nanoTime();
        try (var connection = replica.getConnection(); var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery(REPLICA_LSN)) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    lagSeconds = Double.NaN;
                    if (state.getAndSet(State.DOWN) != State.DOWN) {
                        log.error("Read replica {} is no standby any more (promoted?); reads go to the primary", location);
                    }
                    return;
                }
                lagSeconds = replayLag.observe(primaryLsn, rows.getString(2), seenAt);
            }
        } catch (SQLException | RuntimeException e) {
            down(e);
            return;
        }
        var next = lagSeconds <= maxLag.toMillis() / 1000.0 ? State.UP : State.LAGGING;
        var previous = state.getAndSet(next);
        if (previous != next) {
            log.info("Read replica {} is {} (lag {} s, maximum {})", location, next, lagSeconds, maxLag);
        }
    }
}
