package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A module's location is configuration: one module placed in a database of its own is provisioned, migrated and
 * served there, and nothing of it is left in the main database; a schema a move left behind refuses an instance still
 * configured with it.
 */
@IntegrationTest
class ModuleLocationTests {

    @Test
    void a_module_configured_elsewhere_is_provisioned_migrated_and_pooled_there() throws Exception {
        try (var main = FreshDatabase.create(); var elsewhere = FreshDatabase.create()) {
            var launch = main.launch().with("edumatrix.database.role-prefix", main.rolePrefix())
                    .with("edumatrix.database.modules.jobs.database", elsewhere.name());
            try (var context = launch.start()) {
                var jobs = context.getBean(ModuleBeans.dataAccess("jobs"), ModuleDataAccess.class);
                assertThat(jobs.location().database()).isEqualTo(elsewhere.name());
                assertThat(jobs.jdbcOperations().queryForObject("SELECT current_database()", Map.of(), String.class))
                        .isEqualTo(elsewhere.name());
                var courses = context.getBean(ModuleBeans.dataAccess("courses"), ModuleDataAccess.class);
                assertThat(courses.jdbcOperations().queryForObject("SELECT current_database()", Map.of(), String.class))
                        .isEqualTo(main.name());
            }
            try (var connection = main.connectAsAdmin()) {
                assertThat(schemas(connection)).contains("courses", "identity").doesNotContain("jobs");
            }
            try (var connection = elsewhere.connectAsAdmin()) {
                assertThat(schemas(connection)).contains("jobs").doesNotContain("courses");
            }

            // A move marks the schema it leaves; an instance still pointed there refuses to start.
            try (var connection = elsewhere.connectAsAdmin(); var statement = connection.createStatement()) {
                statement.execute("COMMENT ON SCHEMA jobs IS '" + DatabaseSetup.MOVED_MARK + "db2.example:5432/edumatrix'");
            }
            var refusal = launch.refusal();
            assertThat(refusal.getMessage()).startsWith("Module 'jobs' moved from ").endsWith(" to db2.example:5432/edumatrix");
            assertThat(refusal.action()).contains("edumatrix.database.modules.jobs.host", "EDUMATRIX_DATABASE_MODULES_JOBS_HOST");
        }
    }

    @Test
    void the_environment_forms_name_a_modules_location() {
        var environment = new StandardEnvironment();
        // Under the name Boot maps environment variables for (SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME).
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "EDUMATRIX_DATABASE_MODULES_JOBS_HOST", "db2.example",
                "EDUMATRIX_DATABASE_MODULES_JOBS_PORT", "6432",
                "EDUMATRIX_DATABASE_MODULES_JOBS_DATABASE", "jobs_db",
                "EDUMATRIX_DATABASE_MODULES_JOBS_ADMINUSER", "jobs_admin",
                "EDUMATRIX_DATABASE_MODULES_JOBS_APPPASSWORD", "secret")));
        environment.getPropertySources().addLast(new MapPropertySource("defaults", Map.of(
                "edumatrix.modules", "courses,jobs", "edumatrix.database.admin.username", "postgres")));
        var properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("edumatrix", Bindable.of(EduMatrixProperties.class));
        var modules = ModuleDatabases.of(properties);

        var jobs = modules.find("jobs").orElseThrow();
        assertThat(jobs.location().jdbcUrl()).isEqualTo("jdbc:postgresql://db2.example:6432/jobs_db");
        assertThat(jobs.location().adminUser()).isEqualTo("jobs_admin");
        assertThat(jobs.appPassword()).contains("secret");
        var courses = modules.find("courses").orElseThrow();
        assertThat(courses.location().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/edumatrix");
        assertThat(courses.location().adminUser()).isEqualTo("postgres");
        assertThat(modules.byServer()).hasSize(2);
    }

    private static java.util.List<String> schemas(Connection connection) throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var rows = connection.createStatement().executeQuery("SELECT nspname FROM pg_namespace")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
