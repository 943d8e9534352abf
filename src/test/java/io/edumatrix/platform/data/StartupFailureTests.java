package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.testing.IntegrationTest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start-up that cannot work stops before serving anything, with one line that names the role, setting, module or
 * script to fix. Tests that would provision use a database and role prefix of their own, so nothing they leave
 * behind reaches the run's shared database.
 */
@ExtendWith(OutputCaptureExtension.class)
@IntegrationTest
class StartupFailureTests {

    @Test
    void with_provisioning_off_a_missing_role_stops_start_up_naming_the_role(CapturedOutput output) throws Exception {
        try (var database = FreshDatabase.create()) {
            var refusal = database.launch().with("edumatrix.database.provisioning.enabled", false).refusal();

            var roles = ConfiguredModules.names().stream()
                    .flatMap(module -> Stream.of(module + "_owner", module + "_app"))
                    .map(role -> database.rolePrefix() + role).collect(Collectors.joining(", "));
            assertThat(roles).startsWith(database.rolePrefix() + "identity_owner, " + database.rolePrefix() + "identity_app, ")
                    .contains(database.rolePrefix() + "courses_app");
            assertThat(refusal.getMessage()).isEqualTo("Roles " + roles + " missing in PostgreSQL");
            assertThat(output).as("Boot's failure report").contains("APPLICATION FAILED TO START", refusal.getMessage(),
                    "--print-provisioning-sql");
        }
    }

    @Test
    void without_an_admin_connection_a_missing_app_role_stops_start_up_naming_the_role() throws Exception {
        try (var database = FreshDatabase.create()) {
            var refusal = database.launch().with("edumatrix.database.admin.username", "").refusal();

            assertThat(refusal.getMessage()).isEqualTo("Role " + database.rolePrefix() + "identity_app missing in PostgreSQL");
        }
    }

    @Test
    void pools_needing_more_connections_than_the_server_allows_stop_start_up_naming_each_modules_share() throws Exception {
        try (var database = FreshDatabase.create()) {
            var refusal = database.launch().with("edumatrix.database.pool.maximum-pool-size", 200).refusal();

            // Each module's pool, plus the sessions it holds outside it (community's and notifications' LISTEN).
            var modules = ConfiguredModules.names();
            var shares = modules.stream()
                    .map(module -> module + " " + (200 + ShippedSettings.dedicatedConnections(module))).toList();
            int perInstance = modules.stream().mapToInt(module -> 200 + ShippedSettings.dedicatedConnections(module)).sum();
            assertThat(refusal.getMessage()).startsWith("The module pools need " + perInstance * 4 + " connections")
                    .contains(shares.toArray(String[]::new))
                    .contains("identity 200", "community 201", "times 4 instances", "max_connections")
                    .doesNotContain("\n");
            assertThat(refusal.action()).contains("edumatrix.database.pool.maximum-pool-size");
        }
    }

    @Test
    void a_failing_migration_stops_start_up_naming_the_module_and_the_script() throws Exception {
        try (var database = FreshDatabase.create()) {
            // Every configured module besides the broken one: a module left out would fail on its missing data beans
            // instead, if its beans happen to be created before the migrations run (community's are: "c" < "p").
            var modules = String.join(",", ConfiguredModules.names()) + ",brokenfixture";
            // Twelve modules: one instance's worth of connections, so the budget check lets it get to the migrations.
            var refusal = database.launch().with("edumatrix.modules", modules).with("edumatrix.database.instances", 1)
                    .refusal();

            assertThat(refusal.getMessage())
                    .startsWith("Module 'brokenfixture' failed to migrate V2__insert_into_missing_table.sql: ")
                    .contains("no_such_table")
                    .doesNotContain("\n");
        }
    }

    @Test
    void an_out_of_range_setting_fails_binding_naming_the_property(CapturedOutput output) {
        var failure = ApplicationLaunch.onTestDatabase().with("edumatrix.database.port", 0).failure();

        assertThat(failure).hasRootCauseInstanceOf(BindValidationException.class);
        assertThat(output).as("Boot's failure report").contains("APPLICATION FAILED TO START",
                "Property: edumatrix.database.port", "Reason: must be greater than or equal to 1");
    }
}
