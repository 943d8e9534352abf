package io.edumatrix.platform.rollback;

import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * Rolls one module's own migrations ({@code db/<module>}, history {@code flyway_schema_history}) back to a version by
 * running their down scripts, newest first, as the module's owner role, in one transaction: either every script ran and
 * the history says the new version, or nothing changed. Before committing it compares the module's tables and columns
 * with what they held: one that disappeared with rows in it is data loss, refused unless allowed. The platform's
 * repeatable migrations (row-level security, audit triggers) leave the history too, so the next start lays them again
 * on whatever the scripts re-create.
 */
public final class ModuleRollback {

    private final ModuleDatabases modules;

    public ModuleRollback(ModuleDatabases modules) {
        this.modules = modules;
    }

    /** @return what was done, one line per script, or why nothing needed doing */
    public List<String> rollBack(String moduleName, int toVersion, boolean allowDataLoss) throws SQLException {
        var module = modules.find(moduleName).orElseThrow(() -> new RollbackRefusedException(
                "No module '" + moduleName + "'; the modules are " + modules.all().stream().map(ModuleDatabase::module).toList()));
        var settings = modules.settings();
        if (!settings.admin().configured()) {
            throw new RollbackRefusedException("A rollback needs the admin connection (DB_ADMIN_USER), which acts as "
                    + module.ownerRole());
        }
        var location = module.location();
        try (var connection = DriverManager.getConnection(location.jdbcUrl(), location.adminUser(),
                location.adminPassword())) {
            connection.setAutoCommit(false);
            var done = rollBack(connection, module, toVersion, allowDataLoss);
            connection.commit();
            return done;
        }
    }

    private List<String> rollBack(Connection connection, ModuleDatabase module, int toVersion, boolean allowDataLoss)
            throws SQLException {
        var schema = Utils.escapeIdentifier(null, module.schema()).toString();
        var history = schema + ".flyway_schema_history";
        var applied = new ArrayList<Integer>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT version FROM " + history
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            while (rows.next()) {
                applied.add(Integer.parseInt(rows.getString(1)));
            }
        }
        var current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (toVersion < 0 || toVersion >= current) {
            throw new RollbackRefusedException("Module '" + module.module() + "' is at version " + current
                    + "; --to-version must be below it (0 removes every migration of the module)");
        }
        var scripts = DownScripts.of(module.module());
        var undone = applied.stream().filter(v -> v > toVersion).sorted((a, b) -> b - a).toList();
        for (var version : undone) {
            if (scripts.forVersion(version).isEmpty()) {
                throw new RollbackRefusedException("Module '" + module.module() + "' has no down script for version "
                        + version + " (" + scripts.describe(version) + "); nothing was changed");
            }
        }
        try (var statement = connection.createStatement()) {
            // A count by a role that row-level security would filter fails instead of answering too few rows.
            statement.execute("SET LOCAL row_security = off");
            var before = ModuleContents.read(connection, module.schema());
            // Back on for the scripts: the audit trail's event trigger writes their DDL into audit_log under its policy.
            statement.execute("SET LOCAL row_security = on");
            statement.execute("SET LOCAL ROLE " + Utils.escapeIdentifier(null, module.ownerRole()));
            statement.execute("SET LOCAL search_path = " + schema);
            var done = new ArrayList<String>();
            for (var version : undone) {
                statement.execute(scripts.forVersion(version, module).orElseThrow());
                done.add("ran " + scripts.describe(version));
            }
            statement.execute("RESET ROLE");
            statement.execute("SET LOCAL row_security = off");
            var losses = before.lostIn(ModuleContents.read(connection, module.schema()));
            if (!losses.isEmpty() && !allowDataLoss) {
                connection.rollback();
                throw new RollbackRefusedException("Rolling module '" + module.module() + "' back to version " + toVersion
                        + " would destroy data: " + String.join(", ", losses)
                        + ". Nothing was changed; back the module up first and add --allow-data-loss to go ahead.");
            }
            losses.forEach(loss -> done.add("dropped " + loss));
            statement.execute("SET LOCAL ROLE " + Utils.escapeIdentifier(null, module.ownerRole()));
            // Repeatable migrations go too: their objects went with the tables, and the next start lays them again.
            done.add("history: " + statement.executeUpdate("DELETE FROM " + history
                    + " WHERE version IS NULL OR (version ~ '^[0-9]+$' AND version::integer > " + toVersion + ")")
                    + " entries removed; module '" + module.module() + "' is at version " + toVersion);
            return done;
        }
    }
}
