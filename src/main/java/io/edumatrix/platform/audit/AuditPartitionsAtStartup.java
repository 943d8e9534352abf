package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ModuleStartupException;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * At start-up, after the migrations and through the same admin connection, every module's audit log gets the
 * partitions of the coming months and loses those past retention. Without an admin connection, the application
 * cannot act as the owner roles, and the maintenance is left to {@code --maintain-audit-log}.
 */
final class AuditPartitionsAtStartup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitionsAtStartup.class);

    private final AuditMaintenance maintenance;
    private final boolean adminConfigured;

    AuditPartitionsAtStartup(AuditMaintenance maintenance, boolean adminConfigured) {
        this.maintenance = maintenance;
        this.adminConfigured = adminConfigured;
    }

    @Override
    public void afterPropertiesSet() {
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
