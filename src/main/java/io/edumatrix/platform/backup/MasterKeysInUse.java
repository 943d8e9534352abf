package io.edumatrix.platform.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The fingerprints of the master keys a module's stored keys are wrapped under: every {@code master_key} column of the
 * schema (the module keysets, identity's signing keys), {@code unknown} for keys stored before fingerprints were
 * recorded. A backup lists them, so that its restore can say which master key it needs.
 */
final class MasterKeysInUse {

    static final String UNKNOWN = "unknown";

    private MasterKeysInUse() {}

    static List<String> read(Connection connection, String schema) throws SQLException {
        var tables = new ArrayList<String>();
        try (var query = connection.prepareStatement("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND column_name = 'master_key' ORDER BY table_name")) {
            query.setString(1, schema);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        var fingerprints = new TreeSet<String>();
        for (var table : tables) {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                    "SELECT DISTINCT coalesce(master_key, '" + UNKNOWN + "') FROM " + Sql.ident(schema) + "."
                            + Sql.ident(table))) {
                while (rows.next()) {
                    fingerprints.add(rows.getString(1));
                }
            }
        }
        return List.copyOf(fingerprints);
    }
}
