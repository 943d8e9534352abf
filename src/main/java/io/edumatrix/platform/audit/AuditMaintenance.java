package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ConnectionSettings;
import io.edumatrix.platform.data.ModuleDatabases;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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
        var connections = new ConnectionSettings(modules.settings());
        for (var place : modules.byPlace().values()) {
            try (var connection = connections.openAsAdmin(place.location(), "edumatrix-audit-maintenance")) {
                for (var module : place.all()) {
                    changes.add(AuditPartitions.maintain(connection, module, settings, now));
                }
            }
        }
        return changes;
    }
}
