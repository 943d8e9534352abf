package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.DatabaseContribution;
import io.edumatrix.platform.data.ModuleDatabase;
import java.util.List;
import java.util.Optional;

/** The audit trail's part of each module's database (ADR 0014): a read-only log, row triggers, the DDL event trigger. */
final class AuditContribution implements DatabaseContribution {

    @Override
    public List<String> provisioning(ModuleDatabase module) {
        return List.of(AuditProvisioning.keepAppRoleReadOnly(module.schema(), module.appRole()));
    }

    @Override
    public Optional<Repeatable> repeatableMigration(ModuleDatabase module, ClassLoader loader) {
        return Optional.of(new Repeatable("audit trail",
                AuditMigrations.triggerStatements(module.module(), module.basePackage(), loader)));
    }

    @Override
    public List<String> superuserStatements() {
        return AuditProvisioning.ddlEventTrigger();
    }
}
