package io.edumatrix.platform.data;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * One module's migrations, in two Flyway histories inside the module's schema, both run as the module's owner role so
 * that everything they create belongs to the module and the app role gets DML on it by default privileges:
 * <ol>
 *   <li>the platform's scripts from {@code db/platform} (history {@code platform_schema_history}): the tables every
 *       module has, such as its event outbox and inbox;</li>
 *   <li>the module's own scripts from {@code db/<module>} (history {@code flyway_schema_history}), followed by the
 *       platform's repeatable migrations for it, such as the row-level security of its tenant-owned tables.</li>
 * </ol>
 * Two histories let the platform add a table to every module without renumbering any module's scripts.
 */
final class ModuleMigration {

    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String PLATFORM_HISTORY_TABLE = "platform_schema_history";
    private static final String PLATFORM_LOCATION = "classpath:db/platform";

    private final ModuleDatabase module;
    private final EduMatrixProperties.Database settings;

    ModuleMigration(ModuleDatabase module, EduMatrixProperties.Database settings) {
        this.module = module;
        this.settings = settings;
    }

    void migrate() {
        var location = module.location();
        try {
            for (var configuration : histories(location.adminUser(), location.adminPassword())) {
                var flyway = configuration.initSql("SET ROLE " + ProvisioningScript.ident(module.ownerRole())).load();
                flyway.migrate();
                restrictHistory(flyway);
            }
        } catch (FlywayMigrateException e) {
            throw failed(e.getMigration() == null ? "its migrations" : e.getMigration().getScript(), e);
        } catch (FlywayException | SQLException e) {
            throw failed("its migrations", e);
        }
    }

    /** Only the migrator writes the history; the app role may read it, to see that nothing is pending. */
    private void restrictHistory(Flyway flyway) throws SQLException {
        var history = ProvisioningScript.ident(module.schema()) + "."
                + ProvisioningScript.ident(flyway.getConfiguration().getTable());
        var app = ProvisioningScript.ident(module.appRole());
        try (var connection = flyway.getConfiguration().getDataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SET ROLE " + ProvisioningScript.ident(module.ownerRole()));
            statement.execute("REVOKE ALL ON " + history + " FROM " + app);
            statement.execute("GRANT SELECT ON " + history + " TO " + app);
        }
    }

    /** Without an admin connection the app role reads the history and refuses to run on an outdated schema. */
    void requireNothingPending() {
        var pending = histories(module.appRole(), module.appPassword().orElse("")).stream()
                .flatMap(configuration -> java.util.Arrays.stream(configuration.load().info().pending()))
                .toList();
        if (!pending.isEmpty()) {
            throw new ModuleStartupException(
                    "Module '" + module.module() + "' has " + pending.size() + " pending migration(s), first "
                            + pending.getFirst().getScript(),
                    "Start once with an admin connection (DB_ADMIN_USER) that may SET ROLE " + module.ownerRole()
                            + ", so the migrations run.");
        }
    }

    /** The platform's history first: the module's scripts may rely on the tables it creates. */
    private List<FluentConfiguration> histories(String user, String password) {
        var platform = configure(user, password).table(PLATFORM_HISTORY_TABLE).locations(PLATFORM_LOCATION);
        var own = configure(user, password).table(HISTORY_TABLE).locations(module.migrationLocation())
                .javaMigrations(PlatformMigrations.repeatableFor(module));
        return List.of(platform, own);
    }

    /**
     * A history that does not exist yet starts below version 1 even when the schema already holds the other history's
     * tables: Flyway would otherwise refuse a non-empty schema without a history, or baseline it at 1 and skip V1.
     */
    private FluentConfiguration configure(String user, String password) {
        return Flyway.configure()
                .dataSource(module.location().jdbcUrl(), user, password)
                .schemas(module.schema())
                .defaultSchema(module.schema())
                .createSchemas(false)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                // The platform's scripts name the module's roles and functions (db/platform/V3__create_audit_log.sql).
                .placeholders(Map.of("module", module.module(), "owner_role", module.ownerRole(),
                        "app_role", module.appRole()));
    }

    private ModuleStartupException failed(String what, Exception e) {
        var root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        var firstLine = String.valueOf(root.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return new ModuleStartupException("Module '" + module.module() + "' failed to migrate " + what + ": " + firstLine,
                "Fix the module's migrations under src/main/resources/db/" + module.module()
                        + " (PostgreSQL rolled the failed script back; it runs again at the next start).", e);
    }
}
