package io.edumatrix.platform.data;

import io.edumatrix.platform.audit.AuditMigrations;
import io.edumatrix.platform.privacy.DataSubjectPolicies;
import io.edumatrix.platform.tenancy.TenantPolicies;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Repeatable migrations the platform adds to a module's own history, after the module's scripts have created its
 * tables. They run again whenever what they would do changes (their checksum is the SQL they run), and show as pending
 * to an application started without an admin connection.
 */
final class PlatformMigrations {

    private PlatformMigrations() {}

    static JavaMigration[] repeatableFor(ModuleDatabase module) {
        var loader = PlatformMigrations.class.getClassLoader();
        var migrations = new ArrayList<JavaMigration>();
        var tables = TenantPolicies.declaredBy(module.basePackage(), loader);
        if (!tables.isEmpty()) {
            migrations.add(new Repeatable("tenant isolation", TenantPolicies.statements(tables)));
        }
        var subjects = DataSubjectPolicies.declaredBy(module.basePackage(), loader);
        if (!subjects.isEmpty()) {
            migrations.add(new Repeatable("data subject access", DataSubjectPolicies.statements(subjects)));
        }
        var auditTriggers = AuditMigrations.triggerStatements(module.module(), module.basePackage(), loader);
        if (!auditTriggers.isEmpty()) {
            migrations.add(new Repeatable("audit trail", auditTriggers));
        }
        return migrations.toArray(JavaMigration[]::new);
    }

    private record Repeatable(String description, List<String> statements) implements JavaMigration {

        @Override
        public MigrationVersion getVersion() {
            return null;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Integer getChecksum() {
            return String.join(";\n", statements).hashCode();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            try (var statement = context.getConnection().createStatement()) {
                for (var sql : statements) {
                    statement.execute(sql);
                }
            }
        }
    }
}
