package io.edumatrix.platform.tenancy;

import io.edumatrix.platform.tables.TenantOwned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The row-level security of a module's tenant-owned tables, as SQL its owner role runs. Each table gets RLS enabled and
 * forced (so not even the owner escapes it) and one policy for every command, reading the transaction-local setting
 * the platform sends with each transaction's first statement, and only as the platform signed it (ADR 0026). An unset,
 * empty or forged setting makes the comparison NULL: no row is visible and no row can be written.
 */
public final class TenantPolicies {

    /** The setting the policies read; the platform sets it for every module transaction. */
    public static final String INSTITUTION_SETTING = "app.institution_id";
    public static final String ACCOUNT_SETTING = "app.account_id";
    public static final String REQUEST_SETTING = "app.request_id";
    /** The person a GDPR export or erasure is about; read by the data-subject policies (ADR 0015). */
    public static final String DATA_SUBJECT_SETTING = "app.data_subject";

    /** The policy's name on every tenant-owned table. */
    public static final String POLICY = "tenant_isolation";

    /**
     * The verified value of a trusted setting, cast to uuid, in the module's policies. The verifier is STABLE and read at
     * execution, so cached plans stay correct for every tenant; the sub-select makes it an InitPlan, run once per
     * statement, whose result index conditions use like a parameter.
     */
    public static String verified(String module, String setting) {
        return "(SELECT " + module + "_fn_verified_setting('" + setting + "')::uuid)";
    }

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private TenantPolicies() {}

    /** The tables the module's package declares tenant-owned, if it declares any. */
    public static List<String> declaredBy(String basePackage, ClassLoader loader) {
        Class<?> packageInfo;
        try {
            packageInfo = Class.forName(basePackage + ".package-info", false, loader);
        } catch (ClassNotFoundException e) {
            return List.of();
        }
        var tables = Optional.ofNullable(packageInfo.getAnnotation(TenantOwned.class))
                .map(declaration -> Arrays.asList(declaration.value()))
                .orElse(List.of());
        tables.stream().filter(table -> !TABLE_NAME.matcher(table).matches()).findFirst().ifPresent(table -> {
            throw new IllegalStateException("@TenantOwned on " + basePackage + " names '" + table
                    + "', which is not a plain lower-case table name");
        });
        return tables.stream().sorted().toList();
    }

    /** Idempotent: run again whenever the list of tables changes. */
    public static List<String> statements(String module, List<String> tables) {
        var sql = new ArrayList<String>();
        var tenant = verified(module, INSTITUTION_SETTING);
        for (var table : tables) {
            sql.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            sql.add("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
            sql.add("DROP POLICY IF EXISTS " + POLICY + " ON " + table);
            sql.add("CREATE POLICY " + POLICY + " ON " + table + " USING (institution_id = " + tenant
                    + ") WITH CHECK (institution_id = " + tenant + ")");
        }
        return sql;
    }
}
