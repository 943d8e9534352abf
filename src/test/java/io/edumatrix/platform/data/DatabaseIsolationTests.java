package io.edumatrix.platform.data;

import static io.edumatrix.platform.data.DatabaseProbe.assertAllowed;
import static io.edumatrix.platform.data.DatabaseProbe.assertRefused;
import static io.edumatrix.platform.data.DatabaseProbe.queryAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The database itself keeps the modules apart: every module's app role, logged in, is refused everything in every other
 * module's schema and any change to its own schema's structure. The cases come from the module list, so the matrix
 * grows with every module added. Starting the context provisions and migrates the run's database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@IntegrationTest
class DatabaseIsolationTests {

    private static final String HISTORY = "flyway_schema_history";

    @Autowired
    private ModuleDatabases modules;

    @TestFactory
    Stream<DynamicContainer> no_app_role_can_read_write_or_create_in_another_modules_schema() {
        return modules.all().stream().flatMap(a -> modules.all().stream().filter(b -> !b.equals(a))
                .map(b -> dynamicContainer(app(a) + " is shut out of schema " + b.schema(), shutOut(a, b))));
    }

    @TestFactory
    Stream<DynamicContainer> every_app_role_uses_its_own_data_but_cannot_change_its_schema_or_migration_history() {
        return modules.all().stream().map(a -> dynamicContainer(app(a) + " in its own schema " + a.schema(),
                Stream.concat(cannotRestructure(a), usesItsData(a))));
    }

    @TestFactory
    Stream<DynamicContainer> every_app_role_is_an_unprivileged_login_bound_to_its_schema() {
        return modules.all().stream().map(a -> dynamicContainer(app(a) + " is an unprivileged login", Stream.of(
                dynamicTest(app(a) + " can log in but is no superuser, creates no roles or databases and cannot bypass row-level security",
                        () -> assertThat(role(a.appRole())).containsAllEntriesOf(Map.of("rolcanlogin", true,
                                "rolsuper", false, "rolcreaterole", false, "rolcreatedb", false,
                                "rolreplication", false, "rolbypassrls", false))),
                dynamicTest(app(a) + " may hold no more connections than its pools (" + a.connectionLimit() + ")",
                        () -> assertThat(role(a.appRole())).containsEntry("rolconnlimit", a.connectionLimit())),
                dynamicTest(app(a) + " starts every session in schema " + a.schema() + ", with database-side timeouts",
                        () -> assertThat(settingsOf(a.appRole())).contains("search_path=" + a.schema())
                                .anyMatch(s -> s.startsWith("statement_timeout="))
                                .anyMatch(s -> s.startsWith("lock_timeout="))
                                .anyMatch(s -> s.startsWith("idle_in_transaction_session_timeout="))),
                dynamicTest(app(a) + " is a member of no other role",
                        () -> assertThat(queryAsAdmin("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                + "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?", a.appRole())).isEmpty()),
                dynamicTest(app(a) + " owns nothing",
                        () -> assertThat(queryAsAdmin("SELECT d.classid::regclass AS catalog, d.objid FROM pg_shdepend d "
                                + "JOIN pg_roles r ON r.oid = d.refobjid WHERE r.rolname = ? AND d.deptype = 'o'", a.appRole())).isEmpty()),
                dynamicTest(a.module() + "_owner cannot log in, and owns schema " + a.schema() + " and everything in it",
                        () -> assertOwnerOwnsTheSchema(a)))));
    }

    @Test
    void public_may_not_create_in_schema_public() {
        assertThat(queryAsAdmin("SELECT has_schema_privilege('public', 'public', 'CREATE') AS may_create"))
                .containsExactly(Map.of("may_create", false));
    }

    @Test
    void a_role_of_no_module_cannot_connect_to_the_database() throws SQLException {
        assertThat(queryAsAdmin("SELECT has_database_privilege('public', current_database(), 'CONNECT') AS may_connect"))
                .containsExactly(Map.of("may_connect", false));
        var stranger = TestDatabase.get().rolePrefix() + "stranger";
        DatabaseProbe.executeAsAdmin("CREATE ROLE " + stranger + " LOGIN PASSWORD 'stranger'");
        try {
            assertThatThrownBy(() -> TestDatabase.get().connectAs(stranger, "stranger").close())
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                            .as("SQLState of %s", refused.getMessage()).isEqualTo(DatabaseProbe.INSUFFICIENT_PRIVILEGE));
        } finally {
            DatabaseProbe.executeAsAdmin("DROP ROLE " + stranger);
        }
    }

    private Stream<DynamicTest> shutOut(ModuleDatabase a, ModuleDatabase b) {
        var table = dataTableOf(b).orElse(new TableRef(b.schema(), HISTORY, "success"));
        return Stream.of(
                refused(a, "SELECT from " + table, "SELECT * FROM " + table.sql()),
                refused(a, "INSERT into " + table, "INSERT INTO " + table.sql() + " DEFAULT VALUES"),
                refused(a, "UPDATE " + table, "UPDATE " + table.sql() + " SET " + table.columnSql() + " = " + table.columnSql() + " WHERE false"),
                refused(a, "DELETE from " + table, "DELETE FROM " + table.sql() + " WHERE false"),
                refused(a, "TRUNCATE " + table, "TRUNCATE " + table.sql()),
                refused(a, "CREATE a table in " + b.schema(), "CREATE TABLE " + ProvisioningScript.ident(b.schema()) + ".intruder (id int)"));
    }

    private Stream<DynamicTest> cannotRestructure(ModuleDatabase a) {
        var history = new TableRef(a.schema(), HISTORY, "success");
        var table = dataTableOf(a).orElse(history);
        return Stream.of(
                refused(a, "CREATE a table in " + a.schema(), "CREATE TABLE " + ProvisioningScript.ident(a.schema()) + ".intruder (id int)"),
                refused(a, "ALTER " + table, "ALTER TABLE " + table.sql() + " ADD COLUMN intruder int"),
                refused(a, "DROP " + table, "DROP TABLE " + table.sql()),
                refused(a, "CREATE a table in public", "CREATE TABLE public.intruder (id int)"),
                refused(a, "INSERT into " + history, "INSERT INTO " + history.sql() + " DEFAULT VALUES"),
                refused(a, "UPDATE " + history, "UPDATE " + history.sql() + " SET success = success WHERE false"),
                refused(a, "DELETE from " + history, "DELETE FROM " + history.sql() + " WHERE false"),
                refused(a, "TRUNCATE " + history, "TRUNCATE " + history.sql()),
                dynamicTest(app(a) + " can read " + history, () -> assertAllowed(a.appRole(), "SELECT * FROM " + history.sql())));
    }

    /** Zero-row statements: PostgreSQL checks the privileges all the same, and the probe rolls back anyway. */
    private Stream<DynamicTest> usesItsData(ModuleDatabase a) {
        var table = dataTableOf(a);
        var name = table.map(TableRef::toString).orElse(a.schema() + "'s tables");
        return Stream.of(
                allowed(a, "SELECT from " + name, table, t -> "SELECT * FROM " + t.sql()),
                allowed(a, "INSERT into " + name, table, t -> "INSERT INTO " + t.sql() + " (" + t.columnSql() + ") SELECT "
                        + t.columnSql() + " FROM " + t.sql() + " WHERE false"),
                allowed(a, "UPDATE " + name, table, t -> "UPDATE " + t.sql() + " SET " + t.columnSql() + " = " + t.columnSql() + " WHERE false"),
                allowed(a, "DELETE from " + name, table, t -> "DELETE FROM " + t.sql() + " WHERE false"),
                dynamicTest(app(a) + " cannot TRUNCATE " + name, () -> assertRefused(a.appRole(),
                        "TRUNCATE " + table.orElseThrow(() -> noTable(a)).sql())),
                dynamicTest(app(a) + " may only add to " + a.schema() + ".erased_subject, never change or remove a row",
                        () -> {
                            var erased = ProvisioningScript.ident(a.schema()) + ".erased_subject";
                            assertRefused(a.appRole(), "UPDATE " + erased + " SET account_id = account_id WHERE false");
                            assertRefused(a.appRole(), "DELETE FROM " + erased + " WHERE false");
                        }));
    }

    private static DynamicTest refused(ModuleDatabase a, String what, String sql) {
        return dynamicTest(app(a) + " cannot " + what, () -> assertRefused(a.appRole(), sql));
    }

    private static DynamicTest allowed(ModuleDatabase a, String what, Optional<TableRef> table,
            Function<TableRef, String> sql) {
        return dynamicTest(app(a) + " can " + what, () -> assertAllowed(a.appRole(), sql.apply(table.orElseThrow(() -> noTable(a)))));
    }

    private static RuntimeException noTable(ModuleDatabase a) {
        return Assumptions.abort("Module " + a.module() + " has no table besides its migration history yet");
    }

    private static String app(ModuleDatabase module) {
        return module.module() + "_app";
    }

    /**
     * A table of the module's own data (not its migration history, nor its audit trail, which the app role may only
     * read: AuditAppendOnlyTests, nor its record of erased accounts, which it may only add to: below),
     * with its first column.
     */
    private static Optional<TableRef> dataTableOf(ModuleDatabase module) {
        return queryAsAdmin("SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN LATERAL (SELECT attname FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped "
                + "ORDER BY attnum LIMIT 1) a ON true "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ? AND c.relname NOT LIKE 'audit\\_log%'"
                + " AND c.relname <> 'erased_subject'"
                + " ORDER BY c.relname LIMIT 1",
                module.schema(), HISTORY).stream()
                .map(row -> new TableRef(module.schema(), (String) row.get("relname"), (String) row.get("attname")))
                .findFirst();
    }

    private static Map<String, Object> role(String name) {
        var rows = queryAsAdmin("SELECT * FROM pg_roles WHERE rolname = ?", name);
        assertThat(rows).as("role %s", name).hasSize(1);
        return rows.getFirst();
    }

    private static List<String> settingsOf(String role) {
        return queryAsAdmin("SELECT unnest(s.setconfig) AS setting FROM pg_db_role_setting s "
                + "JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase "
                + "WHERE r.rolname = ? AND d.datname = current_database()", role).stream()
                .map(row -> ((String) row.get("setting")).replace("\"", "")).toList();
    }

    private static void assertOwnerOwnsTheSchema(ModuleDatabase module) {
        assertThat(role(module.ownerRole())).containsEntry("rolcanlogin", false);
        assertThat(queryAsAdmin("SELECT r.rolname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = ?",
                module.schema())).containsExactly(Map.of("rolname", module.ownerRole()));
        assertThat(queryAsAdmin("SELECT c.relname, r.rolname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_roles r ON r.oid = c.relowner WHERE n.nspname = ? AND r.rolname <> ?",
                module.schema(), module.ownerRole())).as("relations of schema %s owned by others", module.schema()).isEmpty();
    }

    /** A table to probe, shown unquoted in test names and quoted in SQL. */
    private record TableRef(String schema, String table, String column) {

        String sql() {
            return ProvisioningScript.ident(schema) + "." + ProvisioningScript.ident(table);
        }

        String columnSql() {
            return ProvisioningScript.ident(column);
        }

        @Override
        public String toString() {
            return schema + "." + table;
        }
    }
}
