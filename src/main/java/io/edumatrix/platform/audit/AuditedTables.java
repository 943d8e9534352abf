package io.edumatrix.platform.audit;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tenancy.TenantPolicies;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one module declares with {@link Audited}: its audited tables, each with the columns omitted from the trail, and
 * which of them are tenant-owned (their entries carry the row's institution).
 */
record AuditedTables(Map<String, List<String>> omittedByTable, Set<String> tenantOwned) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    static AuditedTables declaredBy(String basePackage, ClassLoader loader) {
        Class<?> packageInfo;
        try {
            packageInfo = Class.forName(basePackage + ".package-info", false, loader);
        } catch (ClassNotFoundException e) {
            return new AuditedTables(Map.of(), Set.of());
        }
        var declaration = packageInfo.getAnnotation(Audited.class);
        if (declaration == null) {
            return new AuditedTables(Map.of(), Set.of());
        }
        var omitted = new TreeMap<String, List<String>>();
        for (var table : declaration.value()) {
            require(NAME.matcher(table).matches(), basePackage, "names '" + table + "', which is not a plain lower-case table name");
            omitted.put(table, List.of());
        }
        for (var column : declaration.omit()) {
            var parts = column.split("\\.", -1);
            require(parts.length == 2 && NAME.matcher(parts[0]).matches() && NAME.matcher(parts[1]).matches(), basePackage,
                    "omits '" + column + "', which is not table.column");
            require(omitted.containsKey(parts[0]), basePackage, "omits '" + column + "' of a table it does not audit");
            omitted.merge(parts[0], List.of(parts[1]),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).sorted().distinct().toList());
        }
        var tenantOwned = TenantPolicies.declaredBy(basePackage, loader).stream()
                .filter(omitted::containsKey).collect(Collectors.toUnmodifiableSet());
        return new AuditedTables(Map.copyOf(omitted), tenantOwned);
    }

    List<String> tables() {
        return omittedByTable.keySet().stream().sorted().toList();
    }

    boolean audits(String table) {
        return omittedByTable.containsKey(table);
    }

    List<String> omitted(String table) {
        return omittedByTable.getOrDefault(table, List.of());
    }

    private static void require(boolean valid, String basePackage, String problem) {
        if (!valid) {
            throw new IllegalStateException("@Audited on " + basePackage + " " + problem);
        }
    }
}
