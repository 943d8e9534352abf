package io.edumatrix.platform.data;

import io.edumatrix.platform.tenancy.LeakproofOperators;
import io.edumatrix.platform.tenancy.TenantPolicies;
import java.util.List;
import java.util.Optional;

/**
 * Row-level security on each module's tenant-owned tables (ADR 0011), and the LEAKPROOF marks that let searches use
 * their GIN indexes under it (ADR 0016). It lives here rather than in the tenancy package, which sits below the data
 * platform (every module pool is tenant-aware) and so cannot implement its interface without a cycle.
 */
final class TenancyContribution implements DatabaseContribution {

    @Override
    public Optional<Repeatable> repeatableMigration(ModuleDatabase module, ClassLoader loader) {
        var tables = TenantPolicies.declaredBy(module.basePackage(), loader);
        return tables.isEmpty() ? Optional.empty()
                : Optional.of(new Repeatable("tenant isolation", TenantPolicies.statements(module.schema(), tables)));
    }

    @Override
    public List<String> superuserStatements() {
        return LeakproofOperators.statements();
    }
}
