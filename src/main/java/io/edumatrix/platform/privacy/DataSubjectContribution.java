package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.DatabaseContribution;
import io.edumatrix.platform.data.ModuleDatabase;
import java.util.List;
import java.util.Optional;

/**
 * The policies that let an export or erasure reach one person's rows in every institution, and the triggers that keep an
 * erased person out (ADR 0015).
 */
final class DataSubjectContribution implements DatabaseContribution {

    /**
     * Provisioning grants the app role DML on every table of its schema at every start; the erasure only adds to
     * {@code erased_subject}, so this takes the rest back. Idempotent, and does nothing before the table exists.
     */
    @Override
    public List<String> provisioning(ModuleDatabase module) {
        var table = ident(module.schema()) + ".erased_subject";
        return List.of("DO $$ BEGIN IF to_regclass('" + table.replace("'", "''") + "') IS NULL THEN RETURN; END IF;"
                + " REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + table + " FROM "
                + ident(module.appRole()) + "; END $$");
    }

    @Override
    public Optional<Repeatable> repeatableMigration(ModuleDatabase module, ClassLoader loader) {
        var columns = DataSubjectPolicies.declaredBy(module.basePackage(), loader);
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new Repeatable("data subject access", DataSubjectPolicies.statements(module.schema(), columns)));
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
