package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.edumatrix.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one statement as an app role, in a transaction that is always rolled back, so that a probe which unexpectedly
 * succeeds changes nothing; and reads the catalog as the admin.
 */
final class DatabaseProbe {

    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseProbe() {}

    static void assertRefused(String role, String sql) {
        var outcome = run(role, sql);
        if (outcome == null) {
            fail(role + " was allowed to run: " + sql);
        }
        assertThat(outcome.getSQLState()).as("SQLState of %s running %s (%s)", role, sql, outcome.getMessage())
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    static void assertAllowed(String role, String sql) {
        var outcome = run(role, sql);
        if (outcome != null) {
            fail(role + " was refused " + sql + ": " + outcome.getSQLState() + " " + outcome.getMessage(), outcome);
        }
    }

    /** The statement's failure, or null if it ran. */
    private static SQLException run(String role, String sql) {
        try (var connection = TestDatabase.get().connectAs(role, TestDatabase.get().appPassword())) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
                return null;
            } catch (SQLException failure) {
                return failure;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(role + " could not log in to run a probe: " + e.getMessage(), e);
        }
    }

    static void executeAsAdmin(String sql) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of a catalog query, as column label to value. */
    static List<Map<String, Object>> queryAsAdmin(String sql, Object... parameters) {
        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            var rows = new ArrayList<Map<String, Object>>();
            try (var result = query.executeQuery()) {
                var columns = result.getMetaData();
                while (result.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
