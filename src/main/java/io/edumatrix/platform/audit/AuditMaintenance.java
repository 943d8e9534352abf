package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ModuleDatabases;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The audit logs' partitions of every module, maintained through the admin connection (the migrator), which acts as
 * each module's owner in turn. Run at start-up after the migrations, and by {@code --maintain-audit-log}.
 */
final class AuditMaintenance {

    private final ModuleDatabases modules;
    private final AuditProperties settings;

    AuditMaintenance(ModuleDatabases modules, AuditProperties settings) {
        this.modules = modules;
        this.settings = settings;
    }

    /** Months are calendar months in UTC, like the partitions' bounds. */
    List<AuditPartitions.Changes> run(Clock clock) throws SQLException {
        var now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        var changes = new ArrayList<AuditPartitions.Changes>();
        // Each database holding modules, through its own admin connection.
        for (var place : modules.byPlace().values()) {
            var location = place.location();
            var properties = new Properties();
            properties.setProperty("user", location.adminUser());
            properties.setProperty("password", location.adminPassword());
            properties.setProperty("ApplicationName", "edumatrix-audit-maintenance");
            try (var connection = DriverManager.getConnection(location.jdbcUrl(), properties)) {
                for (var module : place.all()) {
                    changes.add(AuditPartitions.maintain(connection, module, settings, now));
                }
            }
        }
        return changes;
    }
}
