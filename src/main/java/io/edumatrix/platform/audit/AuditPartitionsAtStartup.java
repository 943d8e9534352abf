package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ModuleStartupException;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.edumatrix.platform.data.DatabaseSetup;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * At start-up, once every bean exists and the migrations are done, every module's audit log gets the partitions of
 * the coming months and loses those past retention, through the admin connection. (Run any earlier, it would hold up
 * the beans that are built while the modules migrate.) Without an admin connection, the application
 * cannot act as the owner roles, and the maintenance is left to {@code --maintain-audit-log}.
 */
final class AuditPartitionsAtStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitionsAtStartup.class);

    private final AuditMaintenance maintenance;
    private final DatabaseSetup setup;
    private final boolean adminConfigured;

    AuditPartitionsAtStartup(AuditMaintenance maintenance, DatabaseSetup setup, boolean adminConfigured) {
        this.maintenance = maintenance;
        this.setup = setup;
        this.adminConfigured = adminConfigured;
    }

    @Override
    public void afterSingletonsInstantiated() {
        setup.awaitAllMigrated();
        if (!adminConfigured) {
            log.info("No admin connection: audit log partitions are left to --maintain-audit-log");
            return;
        }
        try {
            for (var changes : maintenance.run(Clock.systemUTC())) {
                if (changes.any()) {
                    log.info("Audit log partitions of {}", changes);
                }
            }
        } catch (SQLException e) {
            throw new ModuleStartupException("Maintaining the audit log partitions failed: " + e.getMessage(),
                    "Check that the admin role (DB_ADMIN_USER) may SET ROLE to every module's owner role.", e);
        }
    }
}
