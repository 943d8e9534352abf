package io.edumatrix.platform.move;

import static io.edumatrix.platform.move.MoveDatabases.admin;
import static io.edumatrix.platform.move.MoveDatabases.execute;
import static io.edumatrix.platform.move.MoveDatabases.ident;
import static io.edumatrix.platform.move.MoveDatabases.literal;
import static io.edumatrix.platform.move.MoveDatabases.number;
import static io.edumatrix.platform.move.MoveDatabases.replicationName;
import static io.edumatrix.platform.move.MoveDatabases.text;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleLocation;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Starts, follows, resumes and abandons module moves. Everything that would make a move fail is checked before the
 * move changes anything, and refused naming the cause.
 */
@Component
class ModuleMoves {

    /** Logical replication of whole schemas ({@code FOR TABLES IN SCHEMA}) arrived in PostgreSQL 15. */
    static final int OLDEST_SERVER = 150000;

    private final ModuleDatabases modules;
    private final BeanFactory beans;
    private final Map<UUID, ModuleMove> moves = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("module-move-", 1).factory());
    private volatile ModuleMove.MoveSteps steps = ModuleMove.MoveSteps.NONE;

    ModuleMoves(ModuleDatabases modules, BeanFactory beans) {
        this.modules = modules;
        this.beans = beans;
    }

    /** Checks, then starts the move (or resumes the one a failure or crash left) and returns its id. */
    synchronized UUID start(String moduleName, ModuleLocation requested) {
        var dataAccess = dataAccess(moduleName);
        var module = dataAccess.module();
        var source = dataAccess.location();
        var target = source.at(requested.host(), requested.port(), requested.database());
        refuseWhileRunning(moduleName);
        if (target.samePlace(source)) {
            throw MoveProblems.MOVE_CONFLICT.exception("Module " + moduleName + " already lives at " + source);
        }
        if (!source.adminConfigured()) {
            throw MoveProblems.SOURCE_UNSUITABLE.exception("A move needs the admin connection (DB_ADMIN_USER)");
        }
        boolean resuming;
        try (var from = connect(source, MoveProblems.SOURCE_UNSUITABLE, "source");
                var to = connect(target, MoveProblems.TARGET_UNSUITABLE, "target")) {
            suitable(from, "source", MoveProblems.SOURCE_UNSUITABLE, 0);
            suitable(to, "target", MoveProblems.TARGET_UNSUITABLE, number(from, "SHOW server_version_num"));
            resuming = MoveDatabases.subscriptionExists(to, module);
            if (!resuming && MoveDatabases.schemaExists(to, module.schema())
                    && !MoveDatabases.tables(to, module.schema()).isEmpty()) {
                throw MoveProblems.TARGET_UNSUITABLE.exception("The target " + target + " is not empty: schema "
                        + module.schema() + " holds tables" + (isMarkedMoved(to, module.schema())
                                ? " left by an earlier move; drop them first (POST /api/admin/modules/" + moduleName
                                        + "/old-schema/drop)"
                                : "; if an unfinished move left them, abandon it (POST /api/admin/modules/" + moduleName
                                        + "/move/abandon)"));
            }
            if (!resuming && text(from, "SELECT 1 FROM pg_publication WHERE pubname = ?", replicationName(module)) != null) {
                throw MoveProblems.MOVE_CONFLICT.exception("A move of module " + moduleName + " to another target was left"
                        + " unfinished; abandon it first (POST /api/admin/modules/" + moduleName + "/move/abandon)");
            }
            otherInstances(from, dataAccess);
        } catch (SQLException e) {
            throw MoveProblems.SOURCE_UNSUITABLE.exception("Checking the move failed: " + e.getMessage());
        }
        var move = new ModuleMove(modules, dataAccess, target, resuming, steps);
        var id = UUID.randomUUID();
        moves.put(id, move);
        runner.execute(move);
        return id;
    }

    private void refuseWhileRunning(String moduleName) {
        if (moves.values().stream().anyMatch(m -> m.running() && m.status().module().equals(moduleName))) {
            throw MoveProblems.MOVE_CONFLICT.exception("A move of module " + moduleName + " is running");
        }
    }

    Optional<MoveStatus> status(String module, UUID id) {
        return Optional.ofNullable(moves.get(id)).map(ModuleMove::status).filter(s -> s.module().equals(module));
    }

    /**
     * Removes what an unfinished move to {@code requested} left: the subscription and the target's copy, the slot and
     * the publication at the source, and gives the source its writes back. Refused once the module serves from there.
     * A crash after the mark but before the clean-up leaves the subscription at the module's new place and the slot and
     * publication at the old one, which the operator then names as the target; so replication objects of the module's
     * move are removed from both servers, whichever way the move went, and a schema marked moved is never dropped.
     */
    synchronized String abandon(String moduleName, ModuleLocation requested) {
        var dataAccess = dataAccess(moduleName);
        var module = dataAccess.module();
        var source = dataAccess.location();
        var target = source.at(requested.host(), requested.port(), requested.database());
        refuseWhileRunning(moduleName);
        if (target.samePlace(source)) {
            throw MoveProblems.MOVE_CONFLICT.exception("Module " + moduleName + " serves from " + source + "; nothing to abandon there");
        }
        try (var to = connect(target, MoveProblems.TARGET_UNSUITABLE, "target");
                var from = connect(source, MoveProblems.SOURCE_UNSUITABLE, "source")) {
            // Subscriptions first, on either side: each lets go of its slots, which live on the other server.
            var copiesAtSource = dropSubscription(to, module);
            var copiesAtTarget = dropSubscription(from, module);
            dropPublicationAndSlots(from, module, copiesAtSource);
            dropPublicationAndSlots(to, module, copiesAtTarget);
            if (MoveDatabases.schemaExists(to, module.schema()) && !isMarkedMoved(to, module.schema())) {
                execute(to, "DROP SCHEMA " + ident(module.schema()) + " CASCADE");
            }
            DatabaseSetup.provisionAndMigrate(modules, module, source);
            // A pause the application died in may have left its marker row.
            execute(from, "DELETE FROM " + ident(module.schema()) + ".event_inbox WHERE listener_id = "
                    + literal(CutOver.MARKER_LISTENER));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MoveProblems.SOURCE_UNSUITABLE.exception("Interrupted while abandoning the move to " + target);
        } catch (SQLException e) {
            throw MoveProblems.TARGET_UNSUITABLE.exception("Abandoning the move of module " + moduleName + " to "
                    + target + " failed: " + e.getMessage());
        }
        return "Abandoned the move of module " + moduleName + " to " + target + "; it serves from " + source;
    }

    /**
     * The move's subscription, without dropping its slots through it (the slots' server may be the one that crashed);
     * answers the prefix of the slots its table copies made at the other server ({@code pg_<oid>_sync_}), or null.
     */
    private static String dropSubscription(Connection connection, ModuleDatabase module) throws SQLException {
        var oid = text(connection, "SELECT oid::text FROM pg_subscription WHERE subname = ?", replicationName(module));
        if (oid != null) {
            var name = ident(replicationName(module));
            execute(connection, "ALTER SUBSCRIPTION " + name + " DISABLE", "ALTER SUBSCRIPTION " + name
                    + " SET (slot_name = NONE)", "DROP SUBSCRIPTION " + name);
        }
        return oid == null ? null : "pg_" + oid + "_sync_";
    }

    /**
     * The move's publication and slot, and the slots of the subscription's table copies that were still going when it
     * was dropped. The walsender of a disabled subscription lets go of a slot a moment later, so an active slot is
     * waited for a while before it is dropped.
     */
    private static void dropPublicationAndSlots(Connection connection, ModuleDatabase module, String copySlots)
            throws SQLException, InterruptedException {
        var name = replicationName(module);
        execute(connection, "DROP PUBLICATION IF EXISTS " + ident(name));
        var slots = "SELECT slot_name FROM pg_replication_slots WHERE (slot_name = ? OR starts_with(slot_name, ?))";
        var prefix = copySlots == null ? name : copySlots;
        for (int attempt = 0; ; attempt++) {
            for (var slot : MoveDatabases.column(connection, slots + " AND (NOT active OR ? >= 50)", name, prefix, attempt)) {
                execute(connection, "SELECT pg_drop_replication_slot(" + literal(slot) + ")");
            }
            if (MoveDatabases.column(connection, slots, name, prefix).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Drops the schema a finished move left behind at {@code requested}; only a schema marked moved. */
    String dropOldSchema(String moduleName, ModuleLocation requested) {
        var dataAccess = dataAccess(moduleName);
        var module = dataAccess.module();
        var old = dataAccess.location().at(requested.host(), requested.port(), requested.database());
        if (old.samePlace(dataAccess.location())) {
            throw MoveProblems.MOVE_CONFLICT.exception("Module " + moduleName + " serves from " + old + "; its schema stays");
        }
        try (var connection = connect(old, MoveProblems.TARGET_UNSUITABLE, "old location")) {
            if (!isMarkedMoved(connection, module.schema())) {
                throw MoveProblems.MOVE_CONFLICT.exception("Schema " + module.schema() + " at " + old
                        + " is not marked moved; only a schema a finished move left is dropped");
            }
            execute(connection, "DROP SCHEMA " + ident(module.schema()) + " CASCADE");
        } catch (SQLException e) {
            throw MoveProblems.TARGET_UNSUITABLE.exception("Dropping at " + old + " failed: " + e.getMessage());
        }
        return "Dropped schema " + module.schema() + " at " + old;
    }

    /** Lets a test stop a move at a step, as a crash would. */
    void stopAt(ModuleMove.MoveSteps steps) {
        this.steps = steps;
    }

    private ModuleDataAccess dataAccess(String module) {
        if (modules.find(module).isEmpty()) {
            throw DomainException.notFound("Module", module);
        }
        return beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
    }

    private Connection connect(ModuleLocation location, ProblemType problem, String role) {
        try {
            return admin(modules, location);
        } catch (SQLException e) {
            throw problem.exception("The " + role + " " + location + " is unreachable: " + e.getMessage());
        }
    }

    /** Logical WAL (to publish, now or when moving back), a superuser (subscriptions), a new enough server. */
    private static void suitable(Connection connection, String role, ProblemType problem, long sourceVersion)
            throws SQLException {
        var where = role + " " + connection.getMetaData().getURL().replace("jdbc:postgresql://", "");
        if (!"logical".equals(text(connection, "SHOW wal_level"))) {
            throw problem.exception("The " + where + " has wal_level = " + text(connection, "SHOW wal_level")
                    + "; a move needs logical (set it in postgresql.conf and restart that server)");
        }
        long version = number(connection, "SHOW server_version_num");
        if (version < OLDEST_SERVER || version / 10000 < sourceVersion / 10000) {
            throw problem.exception("The " + where + " runs PostgreSQL " + text(connection, "SHOW server_version")
                    + "; a move needs 15 or later, and no older than the source's");
        }
        if (!"t".equals(text(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user").substring(0, 1))) {
            throw problem.exception("The admin role at the " + where + " is no superuser; publications, subscriptions"
                    + " and the move's catalog reads need one");
        }
    }

    /**
     * Another instance writing the source would keep writing there after the move; the move refuses while the module's
     * app role holds sessions at the source that are not this instance's (README "Moving a module").
     */
    private static void otherInstances(Connection source, ModuleDataAccess dataAccess) throws SQLException {
        var module = dataAccess.module();
        for (int attempt = 0; ; attempt++) {
            long sessions = number(source, "SELECT count(*) FROM pg_stat_activity WHERE usename = ?"
                    + " AND datname = current_database()", module.appRole());
            long ours = dataAccess.pool().getHikariPoolMXBean().getTotalConnections() + module.dedicatedConnections();
            if (sessions <= ours) {
                return;
            }
            if (attempt == 2) {
                throw MoveProblems.SOURCE_UNSUITABLE.exception((sessions - ours) + " sessions of " + module.appRole()
                        + " at the source are not this instance's: stop the other instances of the application (or point"
                        + " them elsewhere) before moving module " + module.module());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isMarkedMoved(Connection connection, String schema) throws SQLException {
        var comment = MoveDatabases.schemaComment(connection, schema);
        return comment != null && comment.startsWith(DatabaseSetup.MOVED_MARK);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
