package io.edumatrix.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The short statements tests run behind the application's back: a number read back, usually a {@code count(*)}, or a
 * change made, on the run's database as its admin (who sees every row, past row-level security) or on a connection
 * of the test's. Failures are unchecked and name the statement, so that the helpers serve in lambdas too.
 */
public final class Sql {

    private Sql() {}

    /** The single number the query answers, on the run's database. */
    public static long count(String sql, Object... parameters) {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            return count(admin, sql, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The single number the query answers, on the connection. */
    public static long count(Connection connection, String sql, Object... parameters) {
        try (var query = prepare(connection, sql, parameters); var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs the statement on the run's database; the rows it changed. */
    public static int execute(String sql, Object... parameters) {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = prepare(admin, sql, parameters)) {
            statement.execute();
            return Math.max(statement.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException(e.getMessage() + " running " + sql, e);
    }
}
