package io.edumatrix.platform.data;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * One module's Flyway: scripts from {@code db/<module>}, history inside the module's schema, run as the module's owner
 * role so that everything it creates belongs to the module and the app role gets DML on it by default privileges.
 */
final class ModuleMigration {

    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final ModuleDatabase module;
    private final EduMatrixProperties.Database settings;

    ModuleMigration(ModuleDatabase module, EduMatrixProperties.Database settings) {
        this.module = module;
        this.settings = settings;
    }

    void migrate() {
        var admin = settings.admin();
        var flyway = configure(admin.username(), admin.password())
                .initSql("SET ROLE " + ProvisioningScript.ident(module.ownerRole()))
                .load();
        try {
            flyway.migrate();
            restrictHistory(flyway);
        } catch (FlywayMigrateException e) {
            throw failed(e.getMigration() == null ? "its migrations" : e.getMigration().getScript(), e);
        } catch (FlywayException | SQLException e) {
            throw failed("its migrations", e);
        }
    }

    /** Only the migrator writes the history; the app role may read it, to see that nothing is pending. */
    private void restrictHistory(Flyway flyway) throws SQLException {
        var history = ProvisioningScript.ident(module.schema()) + "." + HISTORY_TABLE;
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
        var pending = configure(module.appRole(), module.appPassword().orElse("")).load().info().pending();
        if (pending.length > 0) {
            throw new ModuleStartupException(
                    "Module '" + module.module() + "' has " + pending.length + " pending migration(s), first "
                            + pending[0].getScript(),
                    "Start once with an admin connection (DB_ADMIN_USER) that may SET ROLE " + module.ownerRole()
                            + ", so the migrations run.");
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configure(String user, String password) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), user, password)
                .schemas(module.schema())
                .defaultSchema(module.schema())
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .locations(module.migrationLocation())
                .failOnMissingLocations(true)
                .cleanDisabled(true);
    }

    private ModuleStartupException failed(String what, Exception e) {
        var root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        var firstLine = String.valueOf(root.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return new ModuleStartupException("Module '" + module.module() + "' failed to migrate " + what + ": " + firstLine,
                "Fix the module's migrations under src/main/resources/db/" + module.module()
                        + " (PostgreSQL rolled the failed script back; it runs again at the next start).", e);
    }
}
