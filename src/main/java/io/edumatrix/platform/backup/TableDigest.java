package io.edumatrix.platform.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a module's schema as a backup holds it: its row count and an MD5 of its rows' text, sorted. The same
 * SQL computes it when the backup is taken and inside the restore's transaction, under the same session settings
 * ({@link #SESSION}), so equal digests mean equal rows.
 */
record TableDigest(String table, long rows, String checksum) {

    /** Settings that fix how a row prints as text: time zone, date, bytea and float formats. */
    static final String SESSION = "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; "
            + "SET LOCAL IntervalStyle = 'postgres'; SET LOCAL bytea_output = 'hex'; SET LOCAL extra_float_digits = 3";

    /** Every plain table and partition of {@code $1}, Flyway's histories included: a restore brings them back too. */
    static final String TABLES = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname";

    /** Row count and checksum of table {@code %2$s} in schema {@code %1$s} (both already quoted as identifiers). */
    static final String DIGEST = "SELECT count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM %s.%s x";

    static List<TableDigest> read(Connection connection, String schema) throws SQLException {
        var digests = new ArrayList<TableDigest>();
        try (var statement = connection.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rows = statement.executeQuery(TABLES.formatted(Sql.literal(schema)))) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (var table : tables) {
                try (var rows = statement.executeQuery(DIGEST.formatted(Sql.ident(schema), Sql.ident(table)))) {
                    rows.next();
                    digests.add(new TableDigest(table, rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return digests;
    }
}
