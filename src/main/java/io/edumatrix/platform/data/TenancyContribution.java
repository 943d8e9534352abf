package io.edumatrix.platform.data;

import io.edumatrix.platform.tenancy.LeakproofOperators;
import io.edumatrix.platform.tenancy.TenantPolicies;
import java.util.List;
import java.util.Optional;

/**
 * Row-level security on each module's tenant-owned tables (ADR 0011), the privileges that keep the settings key from
 * the app role (ADR 0026), and the LEAKPROOF marks that let searches use their GIN indexes under it (ADR 0016). It lives here rather than in the tenancy package, which sits below the data
 * platform (every module pool is tenant-aware) and so cannot implement its interface without a cycle.
 */
final class TenancyContribution implements DatabaseContribution {

    /**
     * Provisioning grants the app role DML on every table of its schema at every start; of the settings key it may read
     * the wrapped key and the fingerprint of its master key only, since the padded keys would let it sign any setting. Idempotent, and does nothing before the
     * table exists.
     */
    @Override
    public List<String> provisioning(ModuleDatabase module) {
        var table = ProvisioningScript.ident(module.schema()) + ".settings_key";
        var app = ProvisioningScript.ident(module.appRole());
        return List.of("DO $$ BEGIN IF to_regclass(" + ProvisioningScript.literal(table) + ") IS NULL THEN RETURN; END IF;"
                + " REVOKE ALL ON " + table + " FROM " + app + ";"
                + " GRANT SELECT (wrapped_key, master_key) ON " + table + " TO " + app + "; END $$");
    }

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
