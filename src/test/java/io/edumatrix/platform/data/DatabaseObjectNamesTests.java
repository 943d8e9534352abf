package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Functions and triggers carry the design's names, read from the catalog of the run's migrated database: in module
 * {@code m}'s schema, functions {@code m_fn_<action>} and triggers {@code m_trg_<event>}, whoever created them (the
 * platform's scripts create the audit function in every module's schema, so it follows the module's name). What the
 * platform creates once for the whole database lives in {@code public} and belongs to no module; it takes the
 * application's name instead: functions {@code edumatrix_fn_<action>}, event triggers {@code edumatrix_trg_<event>}.
 * Functions of extensions keep their own names.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DatabaseObjectNamesTests {

    private static final String DATABASE_WIDE = "edumatrix";

    @Autowired
    private ModuleDatabases modules;

    @Test
    void every_function_and_trigger_is_named_module_fn_action_or_module_trg_event() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            var names = new Catalog(admin);
            assertThat(names.functionsAndTriggers(schemas())).as("functions and triggers the catalog lists").isPositive();
            assertThat(names.violations(schemas())).isEmpty();
        }
    }

    @Test
    void the_rule_catches_a_misnamed_function_trigger_and_database_wide_function() throws SQLException {
        var jobs = modules.all().stream().filter(module -> module.module().equals("jobs")).findFirst().orElseThrow();
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL ROLE " + ProvisioningScript.ident(jobs.ownerRole()));
                statement.execute("CREATE FUNCTION jobs.touch_posting() RETURNS trigger LANGUAGE plpgsql"
                        + " AS $$ BEGIN RETURN NEW; END $$");
                statement.execute("CREATE TRIGGER touch_posting BEFORE UPDATE ON jobs.job_posting"
                        + " FOR EACH ROW EXECUTE FUNCTION jobs.touch_posting()");
                statement.execute("RESET ROLE");
                statement.execute("CREATE FUNCTION public.jobs_fn_in_the_wrong_place() RETURNS int LANGUAGE sql"
                        + " AS $$ SELECT 1 $$");

                assertThat(new Catalog(admin).violations(schemas())).containsExactlyInAnyOrder(
                        "function jobs.touch_posting (expected jobs_fn_<action>)",
                        "trigger touch_posting on jobs.job_posting (expected jobs_trg_<event>)",
                        "function public.jobs_fn_in_the_wrong_place (expected edumatrix_fn_<action>)");
            } finally {
                admin.rollback();
            }
        }
    }

    private List<String> schemas() {
        return modules.all().stream().map(ModuleDatabase::schema).toList();
    }

    /** The names the catalog lists, and those that break the rule, one line each naming the object and the rule. */
    private record Catalog(Connection admin) {

        int functionsAndTriggers(List<String> schemas) throws SQLException {
            int count = 0;
            for (var schema : schemas) {
                count += query(FUNCTIONS, schema).size() + query(TRIGGERS, schema).size();
            }
            return count;
        }

        List<String> violations(List<String> schemas) throws SQLException {
            var violations = new ArrayList<String>();
            for (var schema : schemas) {
                for (var function : query(FUNCTIONS, schema)) {
                    if (!function.startsWith(schema + "_fn_")) {
                        violations.add("function " + schema + "." + function + " (expected " + schema + "_fn_<action>)");
                    }
                }
                for (var trigger : query(TRIGGERS, schema)) {
                    var name = trigger.substring(0, trigger.indexOf(' '));
                    if (!name.startsWith(schema + "_trg_")) {
                        violations.add("trigger " + name + " on " + schema + "." + trigger.substring(name.length() + 1)
                                + " (expected " + schema + "_trg_<event>)");
                    }
                }
            }
            for (var function : query(FUNCTIONS, "public")) {
                if (!function.startsWith(DATABASE_WIDE + "_fn_")) {
                    violations.add("function public." + function + " (expected " + DATABASE_WIDE + "_fn_<action>)");
                }
            }
            for (var eventTrigger : query(EVENT_TRIGGERS, null)) {
                if (!eventTrigger.startsWith(DATABASE_WIDE + "_trg_")) {
                    violations.add("event trigger " + eventTrigger + " (expected " + DATABASE_WIDE + "_trg_<event>)");
                }
            }
            return violations;
        }

        /** Functions and procedures of the schema, but none an extension installed. */
        private static final String FUNCTIONS = """
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ? AND NOT EXISTS (SELECT FROM pg_depend d
                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                ORDER BY 1""";

        /** Triggers on the schema's tables, as {@code "<trigger> <table>"}; not the internal ones of constraints. */
        private static final String TRIGGERS = """
                SELECT t.tgname || ' ' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND NOT t.tgisinternal
                ORDER BY 1""";

        private static final String EVENT_TRIGGERS = "SELECT evtname FROM pg_event_trigger ORDER BY 1";

        private List<String> query(String sql, String schema) throws SQLException {
            try (var query = admin.prepareStatement(sql)) {
                if (schema != null) {
                    query.setString(1, schema);
                }
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
}
