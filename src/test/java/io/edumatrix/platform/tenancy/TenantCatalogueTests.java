package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every table in a module schema that has an {@code institution_id} column is protected by row-level security,
 * enabled and forced, with the tenant policy, unless ADR 0011 names it as a global table, or it is a module's audit
 * trail: the log with its own forced policy, its partitions closed to everyone but their owner (ADR 0014). Starting the context
 * provisions and migrates the run's database, so the catalogue read is the real one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@IntegrationTest
class TenantCatalogueTests {

    private static final Path ADR = Path.of("docs/adr/0011-tenancy-by-row-level-security.md");
    /** A row of the ADR's table of global tables whose second column says the table has the column. */
    private static final Pattern GLOBAL_WITH_COLUMN = Pattern.compile("^\\| `(\\w+\\.\\w+)` \\| yes ");

    @Autowired
    private ModuleDatabases modules;

    @Test
    void every_table_with_an_institution_id_has_forced_row_level_security_unless_the_adr_lists_it_as_global()
            throws Exception {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            assertThat(unprotectedTables(admin)).isEmpty();
            assertThat(tablesWithInstitutionColumn(admin)).as("the check has tables to look at")
                    .contains("courses.course", "courses.enrollment", "institutions.membership", "courses.audit_log",
                            "courses.audit_log_default");
        }
    }

    @Test
    void the_catalogue_check_catches_a_table_left_unprotected() throws Exception {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            admin.setAutoCommit(false);
            try (var statement = admin.createStatement()) {
                statement.execute("CREATE TABLE courses.unprotected_probe (id uuid PRIMARY KEY, institution_id uuid NOT NULL)");
                statement.execute("CREATE TABLE courses.enabled_not_forced_probe (id uuid, institution_id uuid NOT NULL)");
                statement.execute("ALTER TABLE courses.enabled_not_forced_probe ENABLE ROW LEVEL SECURITY");
                statement.execute("GRANT SELECT ON courses.audit_log_default TO \""
                        + modules.find("courses").orElseThrow().appRole() + "\"");

                assertThat(unprotectedTables(admin)).containsExactlyInAnyOrder("courses.unprotected_probe",
                        "courses.enabled_not_forced_probe", "courses.audit_log_default");
            } finally {
                admin.rollback();
            }
        }
    }

    @Test
    void every_table_a_module_declares_tenant_owned_has_the_tenant_policy() throws Exception {
        var declared = new ArrayList<String>();
        modules.all().forEach(m -> TenantPolicies.declaredBy(m.basePackage(), getClass().getClassLoader())
                .forEach(table -> declared.add(m.schema() + "." + table)));
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            assertThat(protectedTables(admin)).containsAll(declared);
        }
    }

    /** Tables with an institution_id column and without enabled, forced RLS and the tenant policy, less the ADR's list. */
    private List<String> unprotectedTables(Connection admin) throws SQLException, IOException {
        var allowed = globalTablesWithColumn();
        var protectedOnes = protectedTables(admin);
        var auditTrail = auditTrailTables(admin);
        return tablesWithInstitutionColumn(admin).stream()
                .filter(table -> !protectedOnes.contains(table) && !allowed.contains(table) && !auditTrail.contains(table))
                .toList();
    }

    private List<String> tablesWithInstitutionColumn(Connection admin) throws SQLException {
        return strings(admin, "SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t USING (table_schema, table_name)"
                + " WHERE c.column_name = 'institution_id' AND t.table_type = 'BASE TABLE'"
                + " AND c.table_schema = ANY (?) ORDER BY 1");
    }

    private Set<String> protectedTables(Connection admin) throws SQLException {
        return Set.copyOf(strings(admin, "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relrowsecurity AND c.relforcerowsecurity AND n.nspname = ANY (?)"
                + " AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname"
                + " AND p.policyname = '" + TenantPolicies.POLICY + "' AND p.cmd = 'ALL')"));
    }

    /**
     * The audit logs with forced RLS and their reader policy, and the logs' partitions (which a policy on the log does
     * not reach) on which nobody but their owner has any privilege.
     */
    private Set<String> auditTrailTables(Connection admin) throws SQLException {
        return Set.copyOf(strings(admin, "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND ("
                + "(c.relname = 'audit_log' AND c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1"
                + " FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname"
                + " AND p.policyname = 'audit_reader' AND p.cmd = 'SELECT'))"
                + " OR (EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + " WHERE i.inhrelid = c.oid AND p.relname = 'audit_log')"
                + " AND NOT EXISTS (SELECT 1 FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner)))"));
    }

    private List<String> strings(Connection admin, String sql) throws SQLException {
        var schemas = modules.all().stream().map(m -> m.schema()).toArray(String[]::new);
        try (var query = admin.prepareStatement(sql)) {
            query.setArray(1, admin.createArrayOf("text", schemas));
            var values = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static Set<String> globalTablesWithColumn() throws IOException {
        return Files.readAllLines(ADR).stream()
                .map(GLOBAL_WITH_COLUMN::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1))
                .collect(Collectors.toSet());
    }
}
