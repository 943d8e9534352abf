package io.edumatrix.platform.audit;

import static io.edumatrix.platform.testing.AppConnections.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL keeps every module's trail append-only: logged in as the module's app role, over JDBC, every write to the
 * log and to its partitions is refused, and so is dropping or detaching a partition; the app role reads the log only
 * through its parent. The refusals survive provisioning again (every start grants the app role DML on all tables of
 * its schema) and new partitions.
 */
@HttpApplicationTest
@IntegrationTest
class AuditAppendOnlyTests {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    private ModuleDatabases modules;

    @TestFactory
    Stream<DynamicTest> the_app_role_can_neither_write_nor_drop_its_audit_log_or_its_partitions() throws SQLException {
        var tests = new ArrayList<DynamicTest>();
        for (var module : modules.all()) {
            var log = module.schema() + ".audit_log";
            var partition = module.schema() + "." + AuditPartitions.name(YearMonth.now(ZoneOffset.UTC));
            var fallback = module.schema() + ".audit_log_default";
            for (var table : List.of(log, partition, fallback)) {
                tests.add(refused(module, "INSERT into " + table, "INSERT INTO " + table + " (operation) VALUES ('FORGED')"));
                tests.add(refused(module, "UPDATE " + table, "UPDATE " + table + " SET operation = 'FORGED'"));
                tests.add(refused(module, "DELETE from " + table, "DELETE FROM " + table));
                tests.add(refused(module, "TRUNCATE " + table, "TRUNCATE " + table));
            }
            tests.add(refused(module, "read a partition directly", "SELECT count(*) FROM " + partition));
            tests.add(refused(module, "DROP a partition", "DROP TABLE " + partition));
            tests.add(refused(module, "DETACH a partition", "ALTER TABLE " + log + " DETACH PARTITION " + partition));
            tests.add(refused(module, "call the trigger function", "SELECT " + module.schema() + "." + module.module()
                    + "_fn_audit()"));
            tests.add(dynamicTest(module.appRole() + " can read " + log, () -> {
                try (var app = connect(module); var statement = app.createStatement()) {
                    statement.executeQuery("SELECT count(*) FROM " + log).close();
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void the_app_role_gets_no_privilege_on_the_log_by_provisioning_again_nor_on_new_partitions() throws Exception {
        new DatabaseSetup(modules);
        var farAhead = Clock.fixed(Instant.parse("2031-03-15T00:00:00Z"), ZoneOffset.UTC);
        new AuditMaintenance(modules, new AuditProperties(1200, 2)).run(farAhead);

        try (var admin = TestDatabase.get().connectAsAdmin()) {
            for (var module : modules.all()) {
                var partitions = partitions(admin, module);
                assertThat(partitions).as("partitions of %s", module.schema())
                        .contains("audit_log_default", "audit_log_2031_03", "audit_log_2031_05");
                for (var partition : partitions) {
                    assertThat(privileges(admin, module, module.schema() + "." + partition)).as(partition).isEmpty();
                }
                assertThat(privileges(admin, module, module.schema() + ".audit_log")).containsExactly("SELECT");
            }
        }
    }

    private static DynamicTest refused(ModuleDatabase module, String what, String sql) {
        return dynamicTest(module.appRole() + " cannot " + what, () -> {
            try (var app = connect(module); var statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.execute(sql)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage())
                                .isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        });
    }

    private static List<String> privileges(Connection admin, ModuleDatabase module, String table) throws SQLException {
        var granted = new ArrayList<String>();
        for (var privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
            try (var query = admin.prepareStatement("SELECT has_table_privilege(?, ?, ?)")) {
                query.setString(1, module.appRole());
                query.setString(2, table);
                query.setString(3, privilege);
                try (var row = query.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        granted.add(privilege);
                    }
                }
            }
        }
        return granted;
    }

    static List<String> partitions(Connection admin, ModuleDatabase module) throws SQLException {
        try (var query = admin.prepareStatement("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass(?) ORDER BY 1")) {
            query.setString(1, module.schema() + ".audit_log");
            var names = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }
}
