package io.edumatrix.platform.audit;

import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The database's event trigger (installed at provisioning, the run's admin being a superuser) records every structural
 * change of a module schema in that schema's trail, with the role that made it and the one that logged in, and
 * leaves schemas without a trail, and dropping a schema, alone. A TRUNCATE of an audited table, which no row trigger
 * sees, is in the trail as well.
 */
@HttpApplicationTest
@IntegrationTest
class AuditSchemaChangesTests {

    @Autowired
    private ModuleDatabases modules;
    @Autowired
    private RestTestClient http;

    @Test
    void a_schema_change_by_the_owner_role_is_in_the_modules_trail_with_the_roles_that_made_it() throws SQLException {
        var courses = modules.find("courses").orElseThrow();
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("SET ROLE \"" + courses.ownerRole() + "\"");
            statement.execute("CREATE TABLE courses.schema_change_probe (id int)");
            statement.execute("ALTER TABLE courses.schema_change_probe ADD COLUMN note text");
            statement.execute("DROP TABLE courses.schema_change_probe");
        }

        @SuppressWarnings("unchecked")
        var entries = (List<Map<String, Object>>) new World(http).platformAdmin().client().get()
                .uri("/api/audit?entity=courses&limit=20").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("items");

        assertThat(entries)
                .filteredOn(entry -> "courses.schema_change_probe".equals(entry.get("rowId")))
                .extracting(entry -> entry.get("operation"), entry -> entry.get("entity"), entry -> entry.get("databaseRole"),
                        entry -> entry.get("databaseSessionRole"))
                .containsExactly(
                        tuple("DROP TABLE", "courses", courses.ownerRole(), adminUser()),
                        tuple("ALTER TABLE", "courses", courses.ownerRole(), adminUser()),
                        tuple("CREATE TABLE", "courses", courses.ownerRole(), adminUser()));
    }

    @Test
    void a_schema_with_a_trail_can_still_be_dropped_and_one_without_is_left_alone() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA trailless_probe");
            statement.execute("CREATE TABLE trailless_probe.thing (id int)");
            statement.execute("CREATE SCHEMA trail_probe");
            statement.execute("CREATE TABLE trail_probe.audit_log (LIKE courses.audit_log INCLUDING DEFAULTS INCLUDING"
                    + " IDENTITY) PARTITION BY RANGE (occurred_at)");
            statement.execute("CREATE TABLE trail_probe.audit_log_default PARTITION OF trail_probe.audit_log DEFAULT");
            statement.execute("CREATE TABLE trail_probe.thing (id int)");

            assertThat(count(admin, "SELECT count(*) FROM trail_probe.audit_log WHERE row_id = 'trail_probe.thing'"
                    + " AND operation = 'CREATE TABLE'")).isEqualTo(1);
            assertThatCode(() -> statement.execute("DROP SCHEMA trail_probe CASCADE")).doesNotThrowAnyException();
            assertThatCode(() -> statement.execute("DROP SCHEMA trailless_probe CASCADE")).doesNotThrowAnyException();
        }
    }

    @Test
    void a_truncate_of_an_audited_table_is_in_the_trail() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            statement.execute("SELECT set_config('app.request_id', 'truncate-probe', true)");
            statement.execute("TRUNCATE courses.enrollment_closure");
            assertThat(count(admin, "SELECT count(*) FROM courses.audit_log WHERE table_name = 'enrollment_closure'"
                    + " AND operation = 'TRUNCATE' AND request_id = 'truncate-probe'")).isEqualTo(1);
            admin.rollback();
        }
    }

    private static String adminUser() {
        return (String) TestDatabase.get().applicationProperties().get("edumatrix.database.admin.username");
    }
}
