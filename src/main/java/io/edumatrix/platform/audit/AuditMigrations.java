package io.edumatrix.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that attaches a module's audit trail to the tables it declares {@link io.edumatrix.platform.tables.Audited}, run by the platform's
 * repeatable migration as the module's owner. Every table gets the trigger {@code <module>_trg_audit} (each row
 * inserted, updated or deleted) and {@code <module>_trg_audit_truncate}, both calling {@code <module>_fn_audit} (created
 * by {@code db/platform/V3__create_audit_log.sql}) with the table's primary key column, whether it is tenant-owned, and
 * its omitted columns. The statements are idempotent, and drop the triggers of tables no longer declared.
 */
final class AuditMigrations {

    private AuditMigrations() {}

    /** Empty when the module audits no table. */
    static List<String> triggerStatements(String module, String basePackage, ClassLoader loader) {
        var audited = AuditedTables.declaredBy(basePackage, loader);
        if (audited.tables().isEmpty()) {
            return List.of();
        }
        var sql = new ArrayList<String>();
        sql.add(dropTriggers(module));
        for (var table : audited.tables()) {
            sql.add(rowTrigger(module, table, audited.tenantOwned().contains(table), audited.omitted(table)));
            sql.add("CREATE TRIGGER " + trigger(module) + "_truncate AFTER TRUNCATE ON " + qualified(module, table)
                    + " FOR EACH STATEMENT EXECUTE FUNCTION " + function(module) + "('', 'false')");
        }
        return sql;
    }

    static String function(String module) {
        return ident(module) + "." + ident(module + "_fn_audit");
    }

    private static String trigger(String module) {
        return module + "_trg_audit";
    }

    private static String dropTriggers(String module) {
        return "DO $$ DECLARE audited record; BEGIN"
                + " FOR audited IN SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " WHERE c.relnamespace = " + literal(module) + "::regnamespace AND t.tgname IN ("
                + literal(trigger(module)) + ", " + literal(trigger(module) + "_truncate") + ") LOOP"
                + " EXECUTE format('DROP TRIGGER %I ON %I.%I', audited.tgname, " + literal(module) + ", audited.relname);"
                + " END LOOP; END $$";
    }

    /**
     * The row's id is its single-column primary key, looked up when the trigger is created; none when the key is
     * composite or is itself an omitted secret.
     */
    private static String rowTrigger(String module, String table, boolean tenantOwned, List<String> omitted) {
        var omittedArguments = omitted.stream().map(column -> ", " + literal(column)).collect(Collectors.joining());
        var create = "CREATE TRIGGER " + trigger(module) + " AFTER INSERT OR UPDATE OR DELETE ON " + qualified(module, table)
                + " FOR EACH ROW EXECUTE FUNCTION " + function(module) + "(%L, " + literal(String.valueOf(tenantOwned))
                + omittedArguments + ")";
        return "DO $$ DECLARE key_column text; BEGIN"
                + " SELECT a.attname INTO key_column FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = " + literal(module + "." + table) + "::regclass AND i.indisprimary"
                + " AND i.indnkeyatts = 1;"
                + " IF key_column = ANY (" + textArray(omitted) + ") THEN key_column := NULL; END IF;"
                + " EXECUTE format(" + literal(create) + ", coalesce(key_column, ''));"
                + " END $$";
    }

    private static String textArray(List<String> values) {
        return "ARRAY[" + values.stream().map(AuditMigrations::literal).collect(Collectors.joining(", ")) + "]::text[]";
    }

    private static String qualified(String module, String table) {
        return ident(module) + "." + ident(table);
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
