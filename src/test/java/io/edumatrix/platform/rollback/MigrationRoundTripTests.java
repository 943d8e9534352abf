package io.edumatrix.platform.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Every migration can be undone: for every module and every version, the module is rolled back below that version
 * with the down scripts and migrated up again, and {@code pg_dump -s -n <schema>} must then print the same schema as
 * before, owners, grants, row-level security and audit triggers included. The platform's migrations, which every
 * module's schema holds in a history of their own, go the same way once the module's own are undone.
 */
@IntegrationTest
class MigrationRoundTripTests {

    /** The newest platform migration; versions without a script (another branch's, not merged here) are skipped. */
    private static final int NEWEST_PLATFORM = 7;

    @Test
    void every_version_of_every_module_goes_down_and_up_again_to_the_same_schema() throws Exception {
        try (var database = FreshDatabase.create()) {
            var modules = modulesOf(database);
            var schemas = new Schemas(database, modules.settings());
            for (var module : modules.all()) {
                var alone = new ModuleDatabases(modules.settings(), List.of(module));
                migrate(alone);
                var expected = schemas.of(module);
                assertThat(expected).contains("CREATE TABLE " + module.schema() + ".event_publication");

                var versions = appliedVersions(database, module);
                for (int i = 0; i < versions.size(); i++) {
                    var below = i + 1 < versions.size() ? versions.get(i + 1) : 0;
                    new ModuleRollback(alone).rollBack(module.module(), below, true);
                    assertThat(schemas.of(module)).as("%s down to %d", module.module(), below).isNotEqualTo(expected);
                    assertThat(appliedVersions(database, module)).as("%s rolled back to %d", module.module(), below)
                            .allMatch(v -> v <= below);
                    migrate(alone);
                    assertThat(schemas.of(module)).as("%s: down to %d and up again", module.module(), below)
                            .isEqualTo(expected);
                }

                var platform = DownScripts.of("platform");
                for (int version = NEWEST_PLATFORM; version >= 1; version--) {
                    if (platform.forVersion(version).isEmpty()) {
                        continue;
                    }
                    new ModuleRollback(alone).rollBack(module.module(), 0, true);
                    undoPlatform(database, module, platform, version);
                    assertThat(schemas.of(module)).as("%s: platform down below %d", module.module(), version)
                            .isNotEqualTo(expected);
                    migrate(alone);
                    assertThat(schemas.of(module)).as("%s: platform down below %d and up again", module.module(), version)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static ModuleDatabases modulesOf(FreshDatabase database) {
        try (var context = new SpringApplicationBuilder(RollbackCommand.PropertiesOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(database.launch().arguments())) {
            return ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
        }
    }

    private static void migrate(ModuleDatabases modules) {
        try (var setup = new DatabaseSetup(modules)) {
            setup.awaitAllMigrated();
        }
    }

    private static List<Integer> appliedVersions(FreshDatabase database, ModuleDatabase module) throws SQLException {
        var versions = new ArrayList<Integer>();
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT version::integer FROM " + module.schema()
                        + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY version::integer DESC")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    /** The platform's down scripts from the newest to {@code version}, as the owner role, and their history entries. */
    private static void undoPlatform(FreshDatabase database, ModuleDatabase module, DownScripts scripts, int version)
            throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            statement.execute("SET LOCAL ROLE \"" + module.ownerRole() + "\"");
            statement.execute("SET LOCAL search_path = " + module.schema());
            for (int v = NEWEST_PLATFORM; v >= version; v--) {
                var down = scripts.forVersion(v, module);
                if (down.isPresent()) {
                    statement.execute(down.get());
                }
            }
            statement.executeUpdate("DELETE FROM platform_schema_history WHERE version::integer >= " + version);
            admin.commit();
        }
    }

    /**
     * {@code pg_dump -s -n <schema>}, without the lines that name the tool or a one-time key, with the settings read
     * once: reading them started a Spring context, and the test dumps twice for every version of every module.
     */
    private record Schemas(FreshDatabase database, EduMatrixProperties.Database settings) {

        String of(ModuleDatabase module) throws IOException, InterruptedException {
            var dump = new ProcessBuilder("pg_dump", "-s", "-n", module.schema(), "-h", settings.host(),
                    "-p", String.valueOf(settings.port()), "-U", settings.admin().username(), "-d", database.name());
            dump.environment().put("PGPASSWORD", settings.admin().password());
            var process = dump.redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output.lines()
                    .filter(line -> !line.startsWith("-- Dumped ") && !line.startsWith("\\restrict")
                            && !line.startsWith("\\unrestrict"))
                    .collect(Collectors.joining("\n"));
        }
    }
}
