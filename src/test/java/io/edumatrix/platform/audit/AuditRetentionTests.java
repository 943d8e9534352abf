package io.edumatrix.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Retention drops whole months past {@code retention-months}, as each module's owner role, and keeps the current month,
 * the months ahead and the default partition; the drop itself is in the trail.
 */
@HttpApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@IntegrationTest
class AuditRetentionTests {

    @Autowired
    private ModuleDatabases modules;

    @Test
    void maintenance_drops_the_partitions_of_expired_months_and_keeps_the_current_ones() throws Exception {
        var longAgo = Clock.fixed(Instant.parse("2020-01-10T00:00:00Z"), ZoneOffset.UTC);
        new AuditMaintenance(modules, new AuditProperties(1200, 1)).run(longAgo);
        var now = YearMonth.now(ZoneOffset.UTC);
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            for (var module : modules.all()) {
                assertThat(AuditAppendOnlyTests.partitions(admin, module)).contains("audit_log_2020_01", "audit_log_2020_02");
            }
        }

        var changes = new AuditMaintenance(modules, new AuditProperties(24, 3)).run(Clock.systemUTC());

        assertThat(changes).allSatisfy(change -> assertThat(change.dropped())
                .contains("audit_log_2020_01", "audit_log_2020_02"));
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            for (var module : modules.all()) {
                assertThat(AuditAppendOnlyTests.partitions(admin, module)).as(module.schema())
                        .doesNotContain("audit_log_2020_01", "audit_log_2020_02")
                        .contains("audit_log_default", AuditPartitions.name(now), AuditPartitions.name(now.plusMonths(3)));
                try (var statement = admin.createStatement(); var rows = statement.executeQuery("SELECT db_current_user"
                        + " FROM " + module.schema() + ".audit_log WHERE operation = 'DROP TABLE' AND row_id = '"
                        + module.schema() + ".audit_log_2020_01'")) {
                    assertThat(rows.next()).as("the drop is in the trail").isTrue();
                    assertThat(rows.getString(1)).isEqualTo(module.ownerRole());
                }
            }
        }
    }

    @Test
    void the_maintenance_command_maintains_every_modules_partitions_and_says_what_it_did(CapturedOutput output)
            throws Exception {
        var longAgo = Clock.fixed(Instant.parse("2019-06-10T00:00:00Z"), ZoneOffset.UTC);
        new AuditMaintenance(modules, new AuditProperties(1200, 1)).run(longAgo);

        AuditMaintenanceCommand.run(Stream.concat(Stream.of("--maintain-audit-log"),
                Stream.of(ApplicationLaunch.onTestDatabase().arguments())).toArray(String[]::new));

        for (var module : modules.all()) {
            assertThat(output.getOut()).contains(module.module() + ": created ")
                    .containsPattern(module.module() + ": created [^\\n]*; dropped [^\\n]*audit_log_2019_06");
        }
    }
}
