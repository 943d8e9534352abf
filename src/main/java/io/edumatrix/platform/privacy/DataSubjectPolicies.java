package io.edumatrix.platform.privacy;

import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tenancy.TenantPolicies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code data_subject} policies of a module's tables declared with {@link DataSubjectColumns}, as SQL its owner role
 * runs. Permissive policies are OR-ed, so beside the tenant's rows a transaction that carries a data subject also sees
 * (and may change or delete) the rows whose column names that person, in any institution. An unset, empty or forged setting
 * compares as NULL: the policy admits nothing, and nothing changes for ordinary work. Beside each policy, a trigger
 * refuses a row that names an account already erased from the module ({@code db/platform/V5__create_erased_subject.sql}),
 * so no late or redelivered event writes the person back.
 */
final class DataSubjectPolicies {

    static final String POLICY = "data_subject";

    /** The trigger's action, after the module's name as ADR 0001 names functions and triggers. */
    private static final String REFUSE_ERASED = "refuse_erased_subject";


    private static final Pattern TABLE_COLUMN = Pattern.compile("([a-z_][a-z0-9_]{0,62})\\.([a-z_][a-z0-9_]{0,62})");

    /** A table and the column in it that names the person a row is about. */
    record SubjectColumn(String table, String column) {}

    private DataSubjectPolicies() {}

    /**
     * The columns the module's package declares. Each table must be tenant-owned: on a table without row-level security
     * a policy would be decoration, and the declaration a promise nobody keeps.
     */
    static List<SubjectColumn> declaredBy(String basePackage, ClassLoader loader) {
        Class<?> packageInfo;
        try {
            packageInfo = Class.forName(basePackage + ".package-info", false, loader);
        } catch (ClassNotFoundException e) {
            return List.of();
        }
        var declared = Optional.ofNullable(packageInfo.getAnnotation(DataSubjectColumns.class))
                .map(declaration -> Arrays.asList(declaration.value()))
                .orElse(List.<String>of());
        var tenantOwned = TenantPolicies.declaredBy(basePackage, loader);
        var columns = new ArrayList<SubjectColumn>();
        for (var entry : declared) {
            var matcher = TABLE_COLUMN.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalStateException("@DataSubjectColumns on " + basePackage + " names '" + entry
                        + "', which is not a plain lower-case table.column");
            }
            if (!tenantOwned.contains(matcher.group(1))) {
                throw new IllegalStateException("@DataSubjectColumns on " + basePackage + " names table '"
                        + matcher.group(1) + "', which its @TenantOwned does not list");
            }
            columns.add(new SubjectColumn(matcher.group(1), matcher.group(2)));
        }
        return columns.stream().sorted((a, b) -> (a.table() + "." + a.column()).compareTo(b.table() + "." + b.column()))
                .toList();
    }

    /** Idempotent: run again whenever the declaration changes. One column per table: the policy is named per table. */
    static List<String> statements(String module, List<SubjectColumn> columns) {
        var tables = columns.stream().map(SubjectColumn::table).toList();
        if (tables.stream().distinct().count() != tables.size()) {
            throw new IllegalStateException("@DataSubjectColumns names a table twice: " + tables);
        }
        var sql = new ArrayList<String>();
        // Verified and read at execution, like the tenant's setting (ADR 0026).
        var current = TenantPolicies.verified(module, TenantPolicies.DATA_SUBJECT_SETTING);
        for (var subject : columns) {
            sql.add("DROP POLICY IF EXISTS " + POLICY + " ON " + subject.table());
            sql.add("CREATE POLICY " + POLICY + " ON " + subject.table() + " USING (" + subject.column() + " = "
                    + current + ") WITH CHECK (" + subject.column() + " = " + current + ")");
            sql.add("DROP TRIGGER IF EXISTS " + module + "_trg_" + REFUSE_ERASED + " ON " + subject.table());
            sql.add("CREATE TRIGGER " + module + "_trg_" + REFUSE_ERASED + " BEFORE INSERT OR UPDATE OF "
                    + subject.column() + " ON " + subject.table() + " FOR EACH ROW EXECUTE FUNCTION " + module + "_fn_"
                    + REFUSE_ERASED + "('" + subject.column() + "')");
        }
        return sql;
    }
}
