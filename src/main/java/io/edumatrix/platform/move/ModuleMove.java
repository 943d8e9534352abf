package io.edumatrix.platform.move;

import static io.edumatrix.platform.move.MoveDatabases.admin;
import static io.edumatrix.platform.move.MoveDatabases.column;
import static io.edumatrix.platform.move.MoveDatabases.execute;
import static io.edumatrix.platform.move.MoveDatabases.ident;
import static io.edumatrix.platform.move.MoveDatabases.literal;
import static io.edumatrix.platform.move.MoveDatabases.number;
import static io.edumatrix.platform.move.MoveDatabases.replicationName;
import static io.edumatrix.platform.move.MoveDatabases.text;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleLocation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module's move to another server, online (ADR 0030): the target gets the module's roles and schema at this
 * code's migration version; PostgreSQL's logical replication copies the schema's tables and follows them; once the
 * copy is close behind, the module's pool is suspended (its callers wait), running transactions finish, the source
 * schema stops taking writes, a marker row written last at the source is awaited at the target, sequences are carried
 * over, the source schema is marked moved, the pool is pointed at the target and resumed. Replication is then removed.
 *
 * <p>Whatever step a crash interrupts, the module serves from one place: before the mark, from the source (a restart
 * gives the app role its writes back through provisioning), after it, from the target only (an instance configured
 * with the source refuses to start). Posting the same move again resumes it; an abandon removes what it left.
 */
final class ModuleMove implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ModuleMove.class);

    /** Cut over once the target is this close behind; the pause then waits for the rest. */
    static final long CUT_OVER_LAG_BYTES = 64 * 1024;

    /** How long a failed pause tries to give the source its writes back while the source cannot be reached. */
    static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);

    private final ModuleDatabases modules;
    private final ModuleDatabase module;
    private final ModuleDataAccess dataAccess;
    private final ModuleLocation source;
    private final ModuleLocation target;
    private final boolean resuming;
    private final Duration drainTimeout;
    private final MoveSteps steps;

    private volatile String state = "RUNNING";
    private volatile String phase = "preparing";
    private volatile Long lagBytes;
    private volatile Long pauseMs;
    private volatile Long drainMs;
    private volatile String error;

    ModuleMove(ModuleDatabases modules, ModuleDataAccess dataAccess, ModuleLocation target, boolean resuming,
            MoveSteps steps) {
        this.modules = modules;
        this.module = dataAccess.module();
        this.dataAccess = dataAccess;
        this.source = dataAccess.location();
        this.target = target;
        this.resuming = resuming;
        this.drainTimeout = modules.settings().move().drainTimeout();
        this.steps = steps;
    }

    MoveStatus status() {
        return new MoveStatus(module.module(), source.place(), target.place(), state, phase, lagBytes, pauseMs, drainMs,
                error);
    }

    boolean running() {
        return state.equals("RUNNING");
    }

    ModuleLocation target() {
        return target;
    }

    @Override
    public void run() {
        try {
            if (!resuming) {
                prepare();
            }
            replicate();
            catchUp();
            cutOver();
            cleanUp();
            phase = "done";
            state = "DONE";
            log.info("MOVED module={} from={} to={} pause_ms={} lag_bytes={}", module.module(), source, target, pauseMs,
                    lagBytes);
        } catch (Exception | AssertionError e) {
            error = (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString()))
                    + unreachable();
            state = "FAILED";
            log.error("The move of module {} to {} failed in phase {}; the module serves from {}. Post the move again to"
                    + " resume it, or abandon it", module.module(), target, phase, dataAccess.location(), e);
        }
    }

    /**
     * Which of the two servers cannot be reached now, for the error of a failed move: a server that crashed under an
     * open connection fails it with a driver's I/O error that names neither.
     */
    private String unreachable() {
        var down = new StringBuilder();
        for (var place : List.of(source, target)) {
            try (var ignored = admin(modules, place)) {
                // Reachable.
            } catch (SQLException e) {
                down.append("; the ").append(place == source ? "source " : "target ").append(place)
                        .append(" cannot be reached now");
            }
        }
        return down.toString();
    }

    /** The module's roles and schema at the target, empty, with the source's audit partitions; the source published. */
    private void prepare() throws SQLException {
        steps.reached("preparing");
        DatabaseSetup.provisionAndMigrate(modules, module, target);
        var schema = ident(module.schema());
        try (var from = admin(modules, source); var to = admin(modules, target)) {
            // Partitions are published each on its own, so the target needs the same ones (ADR 0014's audit log).
            var partitions = column(from, "SELECT c.relname || ' ' || format('%I.%I', n.nspname, p.relname) || ' '"
                    + " || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace"
                    + " WHERE n.nspname = ? AND c.relispartition AND c.relkind IN ('r', 'p')", module.schema());
            var existing = column(to, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ?", module.schema());
            // What the target's own migrations wrote (their audit entries) would collide with the source's rows, and
            // would keep month partitions from being attached; with replica role no trigger records the clean-up.
            execute(to, "SET session_replication_role = replica",
                    "TRUNCATE " + String.join(", ", MoveDatabases.tables(to, module.schema())),
                    "SET ROLE " + ident(module.ownerRole()));
            for (var partition : partitions) {
                var parts = partition.split(" ", 3);
                if (!existing.contains(parts[0])) {
                    var name = schema + "." + ident(parts[0]);
                    execute(to, "CREATE TABLE " + name + " PARTITION OF " + parts[1] + " " + parts[2],
                            "REVOKE ALL ON " + name + " FROM PUBLIC, " + ident(module.appRole()));
                }
            }
            execute(to, "RESET ROLE", "RESET session_replication_role");
            // UPDATE and DELETE on a published table need a replica identity; a table without a primary key uses all
            // of its columns.
            var withoutKey = column(from, "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid ="
                    + " c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r' AND c.relreplident = 'd' AND NOT EXISTS"
                    + " (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)", module.schema());
            for (var table : withoutKey) {
                execute(from, "ALTER TABLE " + table + " REPLICA IDENTITY FULL");
            }
            var name = replicationName(module);
            execute(from, "CREATE PUBLICATION " + ident(name) + " FOR TABLES IN SCHEMA " + schema);
            // The slot is made at the source first, so source and target may even share a server.
            execute(from, "SELECT pg_create_logical_replication_slot(" + literal(name) + ", 'pgoutput')");
            execute(to, "CREATE SUBSCRIPTION " + ident(name) + " CONNECTION " + literal(connectionString(source))
                    + " PUBLICATION " + ident(name) + " WITH (copy_data = true, create_slot = false, slot_name = "
                    + literal(name) + ")");
        }
    }

    /** Waits until every table's initial copy is done. */
    private void replicate() throws SQLException, InterruptedException {
        phase = "copying";
        steps.reached("copying");
        try (var from = admin(modules, source); var to = admin(modules, target)) {
            while (true) {
                long notReady = number(to, "SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON"
                        + " s.oid = r.srsubid WHERE s.subname = ? AND r.srsubstate <> 'r'", replicationName(module));
                long known = number(to, "SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON"
                        + " s.oid = r.srsubid WHERE s.subname = ?", replicationName(module));
                lagBytes = MoveDatabases.lagBytes(from, module);
                if (known > 0 && notReady == 0) {
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    private void catchUp() throws SQLException, InterruptedException {
        phase = "catching-up";
        steps.reached("catching-up");
        try (var from = admin(modules, source)) {
            while (true) {
                var lag = MoveDatabases.lagBytes(from, module);
                lagBytes = lag;
                if (lag >= 0 && lag <= CUT_OVER_LAG_BYTES) {
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * The pause ({@link CutOver}), over connections to both servers opened before it. If it fails before the source is
     * marked moved, the source gets its writes back, before the module's callers are let through, and the module goes
     * on serving there.
     */
    private void cutOver() throws Exception {
        phase = "cutting-over";
        steps.reached("cutting-over");
        try (var from = admin(modules, source); var to = admin(modules, target)) {
            lagBytes = Math.max(0, MoveDatabases.lagBytes(from, module));
            var pause = new CutOver(dataAccess, target, drainTimeout, steps, () -> restoreSourceWrites(from)).run(from, to);
            pauseMs = pause.pauseMs();
            drainMs = pause.drainMs();
            log.info("The pause of module {}'s move: {} ms in all; drain {} ms, writes stopped at the source {} ms,"
                    + " applied at the target {} ms, mark and repoint {} ms", module.module(), pause.pauseMs(),
                    pause.drainMs(), pause.stopMs(), pause.applyMs(), pause.switchMs());
        }
    }

    /**
     * Gives the app role its writes at the source back. The source itself may be what failed (a crash inside the
     * pause): then this is tried again until it is back, for at most {@link #RESTORE_TIMEOUT}, the module's callers
     * waiting at the closed gate meanwhile (503 after the pool's connection timeout, as in any outage) rather than
     * meeting a revoked privilege.
     */
    private void restoreSourceWrites(Connection from) {
        try {
            if (!from.getAutoCommit()) {
                from.rollback();
                from.setAutoCommit(true);
            }
        } catch (SQLException e) {
            log.warn("The revoke's transaction at {} could not be rolled back: {}; the server ends it with the session",
                    source, e.toString());
        }
        long until = System.nanoTime() + RESTORE_TIMEOUT.toNanos();
        while (true) {
            try {
                DatabaseSetup.provisionAndMigrate(modules, module, source);
                return;
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() > until) {
                    log.error("Could not give module {} its writes back at {} within {}; restart the instance, whose"
                            + " provisioning does, or abandon the move", module.module(), source, RESTORE_TIMEOUT, e);
                    return;
                }
                log.warn("Giving module {} its writes back at {} failed ({}); trying again", module.module(), source,
                        e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Replication goes; the old schema stays, read-only to the app role, until dropped on purpose. */
    private void cleanUp() throws SQLException {
        phase = "cleaning-up";
        steps.reached("cleaning-up");
        var name = ident(replicationName(module));
        try (var to = admin(modules, target)) {
            execute(to, "DROP SUBSCRIPTION IF EXISTS " + name);
            // What the pool took of the connections opened ahead of the pause it has; the rest close.
            dataAccess.discardPrepared();
            execute(to, "DELETE FROM " + ident(module.schema()) + ".event_inbox WHERE listener_id = " + literal(CutOver.MARKER_LISTENER));
        }
        try (var from = admin(modules, source)) {
            execute(from, "DROP PUBLICATION IF EXISTS " + name);
            if (text(from, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", replicationName(module)) != null) {
                execute(from, "SELECT pg_drop_replication_slot(" + literal(replicationName(module)) + ")");
            }
        }
    }

    static String connectionString(ModuleLocation location) {
        return "host=" + location.host() + " port=" + location.port() + " dbname=" + location.database() + " user="
                + location.adminUser() + (location.adminPassword().isBlank() ? "" : " password=" + location.adminPassword())
                + " application_name=" + "edumatrix_move";
    }

    /** Where a test stops the move, to see what a crash at that step leaves. */
    interface MoveSteps {

        MoveSteps NONE = step -> {};

        void reached(String step);
    }
}
