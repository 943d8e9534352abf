package io.edumatrix;

import io.edumatrix.platform.audit.AuditMaintenanceCommand;
import io.edumatrix.platform.backup.ModuleBackupCommand;
import io.edumatrix.platform.data.ProvisioningScriptCommand;
import io.edumatrix.platform.rollback.RollbackCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * One application, eleven modules. {@code platform} is shared: Spring Modulith's module tests bootstrap it with any
 * module under test, which cannot run without its data sources, outbox and tenancy.
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class EduMatrixApplication {

    public static void main(String[] args) throws Exception {
        if (ProvisioningScriptCommand.isRequested(args)) {
            ProvisioningScriptCommand.run(args);
            return;
        }
        if (AuditMaintenanceCommand.isRequested(args)) {
            AuditMaintenanceCommand.run(args);
            return;
        }
        if (ModuleBackupCommand.isRequested(args)) {
            System.exit(ModuleBackupCommand.run(args));
        }
        if (RollbackCommand.isRequested(args)) {
            System.exit(RollbackCommand.run(args));
        }
        SpringApplication.run(EduMatrixApplication.class, args);
    }
}
