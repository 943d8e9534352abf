package io.edumatrix.platform.move;

import static io.edumatrix.platform.move.MoveDatabases.execute;
import static io.edumatrix.platform.move.MoveDatabases.ident;
import static io.edumatrix.platform.move.MoveDatabases.literal;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pause of a move (ADR 0030, ADR 0040): the module's new transactions wait at its gate, the running ones finish,
 * the source stops taking the module's writes and records a marker, the target is awaited until it shows the marker,
 * sequences follow, the source is marked moved and the pool points at the target. Everything that need not happen
 * inside the pause happens before the gate closes: the statements are prepared, the sequences named, and the pool's
 * first connections to the target opened.
 */
final class CutOver {

    private static final Logger log = LoggerFactory.getLogger(CutOver.class);

    /** The listener name of the marker row, which no module listener uses. */
    static final String MARKER_LISTENER = "edumatrix.move";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often the target is asked for the marker: a millisecond adds at most that to the pause; asking much more
     * often would be thousands of queries a second competing with the target's apply worker for the same cores.
     */
    private static final long APPLY_POLL_NANOS = 1_000_000;

    /**
     * What the pause cost, in its parts.
     *
     * @param drainMs from closing the gate until no transaction of the module ran
     * @param stopMs the source's revoke and marker, committed
     * @param applyMs the sequences carried over, and until the target showed the marker
     * @param switchMs the mark and the repoint
     * @param pauseMs the whole pause, closing the gate to opening it
     */
    record Pause(long drainMs, long stopMs, long applyMs, long switchMs, long pauseMs) {}

    private final ModuleDataAccess dataAccess;
    private final ModuleLocation target;
    private final Duration drainTimeout;
    private final ModuleMove.MoveSteps steps;
    private final Runnable giveSourceWritesBack;

    /**
     * @param giveSourceWritesBack run when the pause fails after the source's writes may have been revoked and before
     *     the mark, while the gate is still closed, so that no caller meets the revoke
     */
    CutOver(ModuleDataAccess dataAccess, ModuleLocation target, Duration drainTimeout, ModuleMove.MoveSteps steps,
            Runnable giveSourceWritesBack) {
        this.dataAccess = dataAccess;
        this.target = target;
        this.drainTimeout = drainTimeout;
        this.steps = steps;
        this.giveSourceWritesBack = giveSourceWritesBack;
    }

    /**
     * Runs the pause over the two open admin connections. If it fails before the source is marked moved, the module
     * goes on at the source, its writes given back before the gate opens; after the mark it serves from the target.
     */
    Pause run(Connection from, Connection to) throws Exception {
        var module = dataAccess.module();
        var schema = ident(module.schema());
        var marker = UUID.randomUUID();
        var stop = "SET LOCAL synchronous_commit = on; REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema
                + " FROM " + ident(module.appRole()) + "; INSERT INTO " + schema + ".event_inbox (event_id, listener_id,"
                + " processed_at) VALUES (" + literal(marker.toString()) + ", " + literal(MARKER_LISTENER) + ", now())";
        var sequences = from.prepareStatement("SELECT format('%I.%I', schemaname, sequencename), last_value FROM"
                + " pg_sequences WHERE schemaname = ? AND last_value IS NOT NULL");
        sequences.setString(1, module.schema());
        var awaitMarker = to.prepareStatement("SELECT 1 FROM " + schema + ".event_inbox WHERE event_id = ? AND listener_id = ?");
        awaitMarker.setObject(1, marker);
        awaitMarker.setString(2, MARKER_LISTENER);
        // Run once before the pause, so that inside it the servers answer them from warm caches.
        sequences.executeQuery().close();
        awaitMarker.executeQuery().close();
        var mark = "COMMENT ON SCHEMA " + schema + " IS " + literal(DatabaseSetup.MOVED_MARK + target.place());
        var pool = dataAccess.pool().getHikariPoolMXBean();
        dataAccess.prepareRepoint(target, Math.clamp(pool.getTotalConnections(), 1, dataAccess.pool().getMaximumPoolSize()));

        var marked = false;
        var stopping = false;
        long started = 0;
        long drained = 0;
        long stopped = 0;
        long applied = 0;
        try {
            // Not yet the pause: the callers queued inside the pool are served, new ones queue at the gate meanwhile.
            dataAccess.queueConnectionsAtGate();
            started = System.nanoTime();
            drain();
            pool.suspendPool();
            awaitIdle(pool, started);
            drained = System.nanoTime();
            steps.reached("paused");
            stopping = true;
            from.setAutoCommit(false);
            execute(from, stop);
            from.commit();
            from.setAutoCommit(true);
            stopped = System.nanoTime();
            // Nothing writes the module's sequences any more; the target takes them while the marker travels.
            var setval = new StringBuilder("SELECT 0");
            try (var rows = sequences.executeQuery()) {
                while (rows.next()) {
                    setval.append(", setval(").append(literal(rows.getString(1))).append(", ").append(rows.getLong(2)).append(")");
                }
            }
            execute(to, setval.toString());
            awaitApplied(awaitMarker);
            applied = System.nanoTime();
            steps.reached("mark");
            execute(from, mark);
            marked = true;
            dataAccess.repoint(target);
        } catch (Exception | AssertionError e) {
            if (!marked) {
                dataAccess.discardPrepared();
                if (stopping) {
                    giveSourceWritesBack.run();
                }
            }
            throw e;
        } finally {
            pool.resumePool();
            dataAccess.releaseNewConnections();
        }
        long done = System.nanoTime();
        // Sessions still at the source (a LISTEN session, a connection the pool was opening as the gate closed) end; a
        // listener reconnects to where its module now is. Outside the pause: the revoke already refuses their writes.
        try {
            execute(from, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = "
                    + literal(module.appRole()) + " AND datname = current_database()");
        } catch (SQLException e) {
            log.warn("Sessions of {} at the source were not ended; their writes are refused there", module.appRole(), e);
        }
        return new Pause(millis(started, drained), millis(drained, stopped), millis(stopped, applied), millis(applied, done),
                millis(started, done));
    }

    /** Waits for the module's running transactions, no longer than the drain timeout. */
    private void drain() throws InterruptedException {
        try {
            dataAccess.holdNewConnections(drainTimeout);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage() + " (edumatrix.database.move.drain-timeout) of module "
                    + dataAccess.module().module() + ": the cut-over was given up and the module serves on from "
                    + dataAccess.location() + "; post the move again to retry it");
        }
    }

    /** Connections taken past the gate (a read that fell back from a replica) are waited for too, within the bound. */
    private void awaitIdle(HikariPoolMXBean pool, long started) {
        long until = started + drainTimeout.toNanos();
        while (pool.getActiveConnections() > 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(pool.getActiveConnections() + " connections of module "
                        + dataAccess.module().module() + " were still in use after the drain timeout of "
                        + drainTimeout.toMillis() + " ms (edumatrix.database.move.drain-timeout)");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void awaitApplied(PreparedStatement awaitMarker) throws SQLException {
        long until = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        while (true) {
            try (var rows = awaitMarker.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("The target did not apply the source's last writes within "
                        + APPLY_TIMEOUT.toSeconds() + " s");
            }
            LockSupport.parkNanos(APPLY_POLL_NANOS);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
