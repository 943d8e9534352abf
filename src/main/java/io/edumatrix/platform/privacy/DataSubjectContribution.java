package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.DatabaseContribution;
import io.edumatrix.platform.data.ModuleDatabase;
import java.util.Optional;

/** The policies that let an export or erasure reach one person's rows in every institution (ADR 0015). */
final class DataSubjectContribution implements DatabaseContribution {

    @Override
    public Optional<Repeatable> repeatableMigration(ModuleDatabase module, ClassLoader loader) {
        var columns = DataSubjectPolicies.declaredBy(module.basePackage(), loader);
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new Repeatable("data subject access", DataSubjectPolicies.statements(columns)));
    }
}
