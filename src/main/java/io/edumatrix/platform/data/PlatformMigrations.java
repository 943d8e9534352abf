package io.edumatrix.platform.data;

import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Repeatable migrations the platform adds to a module's own history, after the module's scripts have created its
 * tables. They run again whenever what they would do changes (their checksum is the SQL they run), and show as pending
 * to an application started without an admin connection. Their statements come from the platform's
 * {@link DatabaseContribution}s.
 */
final class PlatformMigrations {

    private PlatformMigrations() {}

    static JavaMigration[] repeatableFor(ModuleDatabase module) {
        var loader = PlatformMigrations.class.getClassLoader();
        return DatabaseContribution.all(loader).stream()
                .flatMap(contribution -> contribution.repeatableMigration(module, loader).stream())
                .filter(migration -> !migration.statements().isEmpty())
                .map(migration -> new Repeatable(migration.description(), migration.statements()))
                .toArray(JavaMigration[]::new);
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
