package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each module's settings key (ADR 0026) is made at the first start with the admin connection and kept: a second
 * instance, even one without an admin connection, unwraps the same key and its transactions' tenant verifies in the
 * database; a database without the key refuses such an instance, naming the module.
 */
@IntegrationTest
class SettingsKeyTests {

    private static final String KEYS = "SELECT string_agg(encode(inner_pad || outer_pad, 'hex'), ',' ORDER BY 1) FROM ("
            + "SELECT inner_pad, outer_pad FROM courses.settings_key UNION ALL"
            + " SELECT inner_pad, outer_pad FROM identity.settings_key) AS k";

    @Test
    void the_key_made_at_the_first_start_is_the_one_every_later_instance_signs_with_admin_connection_or_not()
            throws Exception {
        try (var database = FreshDatabase.create()) {
            String made;
            try (var first = database.launch().start(); var admin = database.connectAsAdmin()) {
                assertThat(verifiedTenant(first, "courses")).isTrue();
                made = one(admin, KEYS);
            }
            try (var withoutAdmin = database.launch().with("edumatrix.database.admin.username", "").start();
                    var admin = database.connectAsAdmin()) {
                assertThat(verifiedTenant(withoutAdmin, "courses")).isTrue();
                assertThat(verifiedTenant(withoutAdmin, "identity")).isTrue();
                assertThat(one(admin, KEYS)).as("the keys after another start").isEqualTo(made);
            }
        }
    }

    @Test
    void without_an_admin_connection_a_module_with_no_key_stops_start_up_naming_it() throws Exception {
        try (var database = FreshDatabase.create()) {
            try (var first = database.launch().start(); var admin = database.connectAsAdmin();
                    var statement = admin.createStatement()) {
                statement.execute("DELETE FROM courses.settings_key");
            }
            var refusal = database.launch().with("edumatrix.database.admin.username", "").refusal();

            assertThat(refusal.getMessage()).startsWith("Module 'courses' cannot read its settings key");
        }
    }

    /** Whether a transaction of the module's pool, bound to an institution, carries that tenant as verified. */
    private static boolean verifiedTenant(ConfigurableApplicationContext application, String module) {
        var access = application.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
        var institution = UUID.randomUUID();
        var seen = TenantContext.of(institution, null, null).run(() -> new TransactionTemplate(access.transactionManager())
                .execute(status -> access.jdbcOperations().queryForObject(
                        "SELECT " + module + "_fn_verified_setting('app.institution_id')", Map.of(), String.class)));
        return institution.toString().equals(seen);
    }

    private static String one(java.sql.Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
