package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SQL printed by {@code --print-provisioning-sql} is all a DBA needs: run as an admin on an empty database, twice
 * if they like, it provisions what an application started with provisioning off requires.
 */
@ExtendWith(OutputCaptureExtension.class)
@IntegrationTest
class ProvisioningScriptTests {

    private static final String SCRIPT_START = "-- EduMatrix provisioning";

    @Test
    void the_printed_script_provisions_an_empty_database_idempotently_for_an_application_with_provisioning_off(
            CapturedOutput output) throws Exception {
        try (var database = FreshDatabase.create()) {
            var settings = database.launch().with("edumatrix.database.admin.username", "");
            ProvisioningScriptCommand.run(Stream.concat(Stream.of("--print-provisioning-sql"),
                    Stream.of(settings.arguments())).toArray(String[]::new));
            var script = statements(output.getOut());

            DatabaseSnapshot once;
            try (var admin = database.connectAsAdmin()) {
                runAsPsqlWould(admin, script);
                assertThat(row(admin, "SELECT count(*) FROM pg_event_trigger WHERE evtname LIKE 'edumatrix\\_trg\\_audit\\_%'"))
                        .as("the event triggers that record schema changes in the audit trail").containsExactly(2L);
                once = DatabaseSnapshot.of(admin, List.of("institutions", "courses"), database.rolesLikePattern());
                runAsPsqlWould(admin, script);
                assertThat(DatabaseSnapshot.of(admin, List.of("institutions", "courses"), database.rolesLikePattern()))
                        .as("after running the script a second time").usingRecursiveComparison().isEqualTo(once);
                setAppPasswordsAsTheScriptAsks(admin, database);
            }

            try (var application = database.launch().with("edumatrix.database.provisioning.enabled", false).start();
                    var admin = database.connectAsAdmin()) {
                for (var module : application.getBean(ModuleDatabases.class).all()) {
                    assertProvisioned(admin, database, module);
                    var jdbc = application.getBean(ModuleBeans.jdbcOperations(module.module()), NamedParameterJdbcTemplate.class);
                    assertThat(jdbc.queryForMap("SELECT current_user AS role, count(*) AS migrations FROM flyway_schema_history",
                            Map.of())).as("module %s", module.module())
                            .containsEntry("role", module.appRole())
                            .hasEntrySatisfying("migrations", count -> assertThat((Long) count).isPositive());
                }
            }
        }
    }

    private static void assertProvisioned(Connection admin, FreshDatabase database, ModuleDatabase module) throws SQLException {
        assertThat(row(admin, "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", module.ownerRole()))
                .as("%s can log in", module.ownerRole()).containsExactly(false);
        assertThat(row(admin, "SELECT rolcanlogin, rolconnlimit FROM pg_roles WHERE rolname = ?", module.appRole()))
                .as("%s can log in, connection limit", module.appRole()).containsExactly(true, module.connectionLimit());
        assertThat(row(admin, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", module.schema()))
                .as("owner of schema %s", module.schema()).containsExactly(module.ownerRole());
        assertThat(row(admin, "SELECT has_schema_privilege(?, ?, 'USAGE'), has_schema_privilege(?, ?, 'CREATE'),"
                + " has_database_privilege(?, current_database(), 'CONNECT')",
                module.appRole(), module.schema(), module.appRole(), module.schema(), module.appRole()))
                .as("%s may use schema %s, create in it, connect", module.appRole(), module.schema())
                .containsExactly(true, false, true);
        assertThat(row(admin, "SELECT has_database_privilege('public', current_database(), 'CONNECT'),"
                + " has_schema_privilege('public', 'public', 'CREATE')")).as("PUBLIC may connect, create in public")
                .containsExactly(false, false);
        assertThat(row(admin, "SELECT s.setconfig::text FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole"
                + " JOIN pg_database d ON d.oid = s.setdatabase WHERE r.rolname = ? AND d.datname = ?",
                module.appRole(), database.name()).getFirst()).asString().contains("search_path=" + module.schema());
    }

    /** The printed statements, one a line, without the comments around them. */
    private static List<String> statements(String printed) {
        assertThat(printed).contains(SCRIPT_START);
        var statements = printed.substring(printed.indexOf(SCRIPT_START)).lines()
                .takeWhile(line -> line.startsWith("--") || line.endsWith(";"))
                .filter(line -> !line.startsWith("--"))
                .toList();
        assertThat(statements).startsWith("BEGIN;").endsWith("COMMIT;");
        return statements;
    }

    private static void runAsPsqlWould(Connection admin, List<String> statements) throws SQLException {
        try (var statement = admin.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void setAppPasswordsAsTheScriptAsks(Connection admin, FreshDatabase database) throws SQLException {
        try (var statement = admin.createStatement()) {
            for (var module : List.of("institutions", "courses")) {
                statement.execute("ALTER ROLE " + ProvisioningScript.ident(database.rolePrefix() + module + "_app")
                        + " PASSWORD " + ProvisioningScript.literal(TestDatabase.get().appPassword()));
            }
        }
    }

    private static List<Object> row(Connection admin, String sql, Object... parameters) throws SQLException {
        try (var query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var result = query.executeQuery()) {
                assertThat(result.next()).as("a row of %s", sql).isTrue();
                var row = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(result.getObject(c));
                }
                return row;
            }
        }
    }
}
