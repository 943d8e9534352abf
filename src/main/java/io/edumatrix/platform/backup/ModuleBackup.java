package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.ConnectionSettings;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * Backs up one module's schema, as the backup role, while the application runs: its tables (the outbox, inbox,
 * audit trail and keysets among them), its two migration histories, functions, policies and grants. The digests and
 * {@code pg_dump} read one snapshot, exported by the transaction that computes the digests, so the file is consistent
 * however many writes run meanwhile.
 */
public final class ModuleBackup {

    private final ModuleDatabases modules;
    private final BackupRole role;
    private final PgTools tools;

    public ModuleBackup(ModuleDatabases modules, String backupPassword, String pgBin) {
        this.modules = modules;
        this.role = new BackupRole(modules.settings(), backupPassword);
        this.tools = new PgTools(modules.settings(), pgBin);
    }

    /** @return what was written, for the operator */
    public List<String> backUp(String moduleName, Path file) throws SQLException, IOException {
        var module = ModuleCommands.module(modules, moduleName);
        var settings = modules.settings();
        try (var admin = ModuleCommands.admin(settings)) {
            role.ensure(admin);
        }
        var work = Files.createTempDirectory("edumatrix-backup-");
        var connections = new ConnectionSettings(settings);
        try (var connection = connections.open(connections.direct(), role.name(), role.password(), "edumatrix-backup")) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String snapshot;
            Instant takenAt;
            try (var statement = connection.createStatement()) {
                statement.execute(TableDigest.SESSION);
                // now() is the transaction's start, no later than its snapshot: what completed after it may be missing.
                try (var rows = statement.executeQuery("SELECT pg_export_snapshot(), now()")) {
                    rows.next();
                    snapshot = rows.getString(1);
                    takenAt = rows.getTimestamp(2).toInstant();
                }
            }
            var digests = TableDigest.read(connection, module.schema());
            var versions = MigrationVersions.inSchema(connection, module.schema());
            var masterKeys = MasterKeysInUse.read(connection, module.schema());
            var dump = work.resolve("schema.dump");
            tools.run("pg_dump", role.name(), role.password(), "-d", settings.name(), "-n", module.schema(), "-Fc",
                    "--snapshot=" + snapshot, "-f", dump.toString());
            connection.commit();
            var manifest = new Manifest(module.module(), versions.module(), versions.platform(), takenAt,
                    ModuleArchive.sha256(dump), digests, masterKeys);
            ModuleArchive.write(file, manifest, dump);
            return summary(module, manifest, file);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static List<String> summary(ModuleDatabase module, Manifest manifest, Path file) throws IOException {
        return List.of("Backed up module '" + module.module() + "' (" + manifest.moduleVersion() + ", platform "
                + manifest.platformVersion() + ") to " + file + ": " + Files.size(file) + " bytes, "
                + manifest.tables().size() + " tables, " + manifest.tables().stream().mapToLong(TableDigest::rows).sum()
                + " rows, as of " + manifest.takenAt() + "; its keys need master key " + (manifest.masterKeys().isEmpty()
                        ? "(none recorded)" : String.join(" and ", manifest.masterKeys())));
    }
}
