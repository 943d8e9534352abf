package io.edumatrix.platform.backup;

import io.edumatrix.platform.crypto.MasterKey;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * Restores one module's schema from a backup while the application serves the other modules. Everything that can
 * refuse does so before the database changes: a damaged file, a backup of another module, one at a migration version
 * this release does not know or the database is not at, one whose keys are wrapped under a master key that is not
 * configured (the refusal names its fingerprint). Then the module is paused on every instance
 * ({@link ModulePause}) and one psql transaction, with triggers and event triggers off, renames the live schema
 * aside, restores the dump, compares every table's row count and checksum with the backup's and drops the old schema;
 * any difference or error rolls all of it back.
 */
public final class ModuleRestore {

    private final ModuleDatabases modules;
    private final PgTools tools;
    private final Optional<MasterKey> masterKey;

    /** @param masterKey the master keys configured for the application, empty when none is */
    public ModuleRestore(ModuleDatabases modules, String pgBin, Optional<MasterKey> masterKey) {
        this.modules = modules;
        this.tools = new PgTools(modules.settings(), pgBin);
        this.masterKey = masterKey;
    }

    /** @return what was done, for the operator */
    public List<String> restore(String moduleName, Path file) throws SQLException, IOException, InterruptedException {
        var module = ModuleCommands.module(modules, moduleName);
        var settings = modules.settings();
        var work = Files.createTempDirectory("edumatrix-restore-");
        try (var admin = ModuleCommands.admin(settings)) {
            var manifest = ModuleArchive.read(file, work.resolve("schema.dump"));
            if (!manifest.module().equals(module.module())) {
                throw new BackupRefusedException(file + " is a backup of module '" + manifest.module() + "', not of '"
                        + module.module() + "'");
            }
            var backedUp = new MigrationVersions(manifest.moduleVersion(), manifest.platformVersion());
            var known = MigrationVersions.inCode(module.module());
            if (backedUp.newerThan(known)) {
                throw new BackupRefusedException(file + " was taken at " + backedUp + ", newer than this release knows ("
                        + known + "); restore it with the release that took it");
            }
            refuseWithoutMasterKeys(file, manifest);
            var current = MigrationVersions.inSchema(admin, module.schema());
            if (!backedUp.equals(current)) {
                throw new BackupRefusedException(file + " was taken at " + backedUp + " but module '" + module.module()
                        + "' is at " + current + "; bring the module to the backup's version first (--rollback-module)");
            }
            var script = work.resolve("restore.sql");
            tools.offline("pg_restore", "-f", work.resolve("schema.sql").toString(), work.resolve("schema.dump").toString());
            Files.writeString(script, script(module, manifest, work.resolve("schema.sql")), StandardCharsets.UTF_8);

            if (!ModulePause.tryPause(admin, module.module())) {
                throw new BackupRefusedException("Another restore of module '" + module.module() + "' is running");
            }
            long started = System.nanoTime();
            Thread.sleep(ModulePause.NOTICE);
            tools.run("psql", settings.admin().username(), settings.admin().password(), "-d", settings.name(), "-X", "-q",
                    "-v", "ON_ERROR_STOP=1", "-f", script.toString());
            // Marked before the pause ends: an instance catches up on what is marked as it resumes.
            var missed = EventCatchUp.markForRedelivery(admin, modules.all(), module, manifest.takenAt());
            ModulePause.end(admin, module.module());
            long pausedMillis = (System.nanoTime() - started) / 1_000_000;
            // Told "restored", an operator tries the module at once: by then every instance has polled and resumed.
            Thread.sleep(ModulePause.NOTICE);
            return List.of("Restored module '" + module.module() + "' from " + file + " (taken " + manifest.takenAt() + "): "
                    + manifest.tables().size() + " tables, " + manifest.tables().stream().mapToLong(TableDigest::rows).sum()
                    + " rows, row counts and checksums equal to the backup's; the module was paused " + pausedMillis + " ms",
                    (missed.isEmpty() ? "No event reached the module since the backup"
                            : "Events and erasures the module handled since the backup, marked FAILED for redelivery, by"
                                    + " publishing module: " + String.join(", ", missed))
                            + ". The running instances have resumed the module; they deliver them again, after applying again"
                            + " every erasure other modules record (if none is running: start one, then POST"
                            + " /actuator/eventpublications as a platform administrator).");
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The restored keys are wrapped under the master keys the backup lists: each must be configured, as the current or
     * the previous key, or nothing in the module could be opened after the restore (and the next start would refuse).
     */
    private void refuseWithoutMasterKeys(Path file, Manifest manifest) {
        var missing = manifest.masterKeys().stream().filter(f -> !f.equals(MasterKeysInUse.UNKNOWN))
                .filter(f -> masterKey.map(key -> !key.isConfigured(f)).orElse(true)).toList();
        if (!missing.isEmpty()) {
            throw new BackupRefusedException(file + " holds keys wrapped under master key " + String.join(" and ", missing)
                    + ", which is configured neither as " + MasterKey.SETTING + " nor as "
                    + MasterKey.PREVIOUS_SETTING + " (current: " + masterKey.map(MasterKey::fingerprint).orElse("none")
                    + "); configure that key as the previous one (EDUMATRIX_KEY_WRAPPING_KEY_PREVIOUS) for the restore and"
                    + " until the application has re-wrapped the module's keys (GET /api/admin/keys/master)");
        }
    }

    private static String script(ModuleDatabase module, Manifest manifest, Path restoreSql) {
        var schema = Sql.ident(module.schema());
        var aside = Sql.ident(module.schema() + "_before_restore");
        var expected = manifest.tables().stream()
                .map(t -> "(" + Sql.literal(t.table()) + ", " + t.rows() + ", " + Sql.literal(t.checksum()) + ")")
                .collect(Collectors.joining(",\n"));
        return """
                BEGIN;
                -- The dump's rows go in as they were: no audit or index triggers, no foreign-key checks, no DDL audit.
                SET LOCAL session_replication_role = replica;
                SET LOCAL lock_timeout = '30s';
                ALTER SCHEMA %1$s RENAME TO %2$s;
                \\i %3$s
                %4$s;
                CREATE TEMP TABLE edumatrix_expected (name text PRIMARY KEY, rows bigint, checksum text) ON COMMIT DROP;
                INSERT INTO edumatrix_expected VALUES %5$s;
                DO $verify$
                DECLARE
                    t record;
                    actual record;
                    differences text[] := '{}';
                BEGIN
                    FOR t IN SELECT coalesce(e.name, r.relname) AS name, e.rows, e.checksum, r.relname IS NOT NULL AS present
                               FROM edumatrix_expected e
                               FULL JOIN (SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                           WHERE n.nspname = %6$s AND c.relkind = 'r') r ON r.relname = e.name LOOP
                        IF t.rows IS NULL THEN
                            differences := differences || (t.name || ' is not in the backup');
                        ELSIF NOT t.present THEN
                            differences := differences || (t.name || ' was not restored');
                        ELSE
                            EXECUTE format('SELECT count(*) AS rows, md5(coalesce(string_agg(x::text, '','' ORDER BY x::text), '''')) AS checksum FROM %%I.%%I x', %6$s, t.name)
                               INTO actual;
                            IF actual.rows <> t.rows OR actual.checksum <> t.checksum THEN
                                differences := differences || format('%%s: %%s rows (backup: %%s) or other values', t.name, actual.rows, t.rows);
                            END IF;
                        END IF;
                    END LOOP;
                    IF cardinality(differences) > 0 THEN
                        RAISE EXCEPTION 'The restored tables differ from the backup: %%', array_to_string(differences, '; ');
                    END IF;
                END
                $verify$;
                DROP SCHEMA %2$s CASCADE;
                COMMIT;
                """.formatted(schema, aside, Sql.literal(restoreSql.toString()), TableDigest.SESSION,
                expected, Sql.literal(module.schema()));
    }
}
