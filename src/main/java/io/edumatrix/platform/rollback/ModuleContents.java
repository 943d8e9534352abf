package io.edumatrix.platform.rollback;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.core.Utils;

/**
 * What a module's tables hold, column by column: how many rows each table has and how many non-null values each column.
 * Flyway's histories are left out; partitions count under their table.
 */
record ModuleContents(Map<String, Long> rows, Map<String, Long> values) {

    static ModuleContents read(Connection connection, String schema) throws SQLException {
        var columns = new LinkedHashMap<String, List<String>>();
        try (var query = connection.prepareStatement("""
                SELECT c.relname, a.attname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND c.relname NOT IN ('flyway_schema_history', 'platform_schema_history')
                 ORDER BY c.relname, a.attnum""")) {
            query.setString(1, schema);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    columns.computeIfAbsent(result.getString(1), t -> new ArrayList<>()).add(result.getString(2));
                }
            }
        }
        var rows = new LinkedHashMap<String, Long>();
        var values = new LinkedHashMap<String, Long>();
        try (var statement = connection.createStatement()) {
            for (var table : columns.entrySet()) {
                var counts = new StringBuilder("SELECT count(*)");
                for (var column : table.getValue()) {
                    counts.append(", count(").append(Utils.escapeIdentifier(null, column)).append(')');
                }
                counts.append(" FROM ").append(Utils.escapeIdentifier(null, schema)).append('.')
                        .append(Utils.escapeIdentifier(null, table.getKey()));
                try (var result = statement.executeQuery(counts.toString())) {
                    result.next();
                    rows.put(table.getKey(), result.getLong(1));
                    for (int i = 0; i < table.getValue().size(); i++) {
                        values.put(table.getKey() + "." + table.getValue().get(i), result.getLong(i + 2));
                    }
                }
            }
        }
        return new ModuleContents(rows, values);
    }

    /** What held data here and is gone from {@code after}: whole tables, then columns of tables still there. */
    List<String> lostIn(ModuleContents after) {
        var lost = new ArrayList<String>();
        rows.forEach((table, count) -> {
            if (count > 0 && !after.rows.containsKey(table)) {
                lost.add("table " + table + " (" + count + " rows)");
            }
        });
        values.forEach((column, count) -> {
            var table = column.substring(0, column.indexOf('.'));
            if (count > 0 && after.rows.containsKey(table) && !after.values.containsKey(column)) {
                lost.add("column " + column + " (" + count + " values)");
            }
        });
        return lost;
    }
}
