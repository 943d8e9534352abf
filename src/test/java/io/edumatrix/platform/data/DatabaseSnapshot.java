package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What provisioning and migrations decide, read from the catalog: the module schemas with their owners and
 * privileges, every table, column, index, constraint and sequence in them with owners and privileges, default
 * privileges, the installation's roles with their attributes and per-database settings, and each module's migration
 * history row by row. Two snapshots are equal when nothing of that changed.
 */
record DatabaseSnapshot(Map<String, List<List<Object>>> facts) {

    private static final String SCHEMAS = "n.nspname = ANY (?)";

    static DatabaseSnapshot of(Connection admin, List<String> schemas, String rolesLikePattern) throws SQLException {
        var array = admin.createArrayOf("text", schemas.toArray());
        var facts = new LinkedHashMap<String, List<List<Object>>>();
        facts.put("database privileges", rows(admin, "SELECT datacl::text FROM pg_database WHERE datname = current_database()"));
        facts.put("schemas", rows(admin, "SELECT n.nspname, pg_get_userbyid(n.nspowner), n.nspacl::text FROM pg_namespace n"
                + " WHERE " + SCHEMAS + " OR n.nspname = 'public' ORDER BY 1", array));
        facts.put("relations", rows(admin, "SELECT n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relacl::text"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + SCHEMAS + " ORDER BY 1, 2", array));
        facts.put("columns", rows(admin, "SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attacl::text FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE " + SCHEMAS + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2, 3", array));
        facts.put("indexes", rows(admin, "SELECT n.nspname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + SCHEMAS + " ORDER BY 1, 2", array));
        facts.put("constraints", rows(admin, "SELECT n.nspname, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)"
                + " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE " + SCHEMAS + " ORDER BY 1, 2, 3", array));
        facts.put("default privileges", rows(admin, "SELECT pg_get_userbyid(d.defaclrole), n.nspname, d.defaclobjtype,"
                + " d.defaclacl::text FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2, 3"));
        facts.put("roles", rows(admin, "SELECT r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,"
                + " r.rolreplication, r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil,"
                + " array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid"
                + " ORDER BY 1)::text FROM pg_roles r WHERE r.rolname LIKE ? ORDER BY 1", rolesLikePattern));
        facts.put("role settings", rows(admin, "SELECT r.rolname, s.setconfig::text FROM pg_db_role_setting s"
                + " JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase"
                + " WHERE d.datname = current_database() ORDER BY 1"));
        for (var schema : schemas) {
            if (!rows(admin, "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = 'flyway_schema_history'", schema).isEmpty()) {
                facts.put("migration history of " + schema, rows(admin, "SELECT installed_rank, version, script, checksum,"
                        + " installed_by, installed_on, success FROM " + ProvisioningScript.ident(schema)
                        + ".flyway_schema_history ORDER BY installed_rank"));
            }
        }
        return new DatabaseSnapshot(facts);
    }

    List<List<Object>> get(String fact) {
        return facts.get(fact);
    }

    private static List<List<Object>> rows(Connection admin, String sql, Object... parameters) throws SQLException {
        try (var query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            var rows = new ArrayList<List<Object>>();
            try (var result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    var row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
