package io.edumatrix.platform.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.data.jdbc.repository.query.Query;

/**
 * What plan tests need to show that a repository's query uses its index at a realistic size: the query's own SQL,
 * the plan PostgreSQL chooses for it, and the rows it answers.
 */
public final class QueryPlans {

    private QueryPlans() {}

    /** The SQL of the repository method's {@link Query}, with its named parameters still in. */
    public static String queryOf(Class<?> repository, String method, Class<?>... parameterTypes) {
        try {
            return repository.getDeclaredMethod(method, parameterTypes).getAnnotation(Query.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(repository.getSimpleName() + " has no query method " + method, e);
        }
    }

    /** The plan's text, from {@code EXPLAIN (<options>)}, or plain {@code EXPLAIN} without options. */
    public static String explain(Connection connection, String options, String sql) throws SQLException {
        var explain = options.isEmpty() ? "EXPLAIN " : "EXPLAIN (" + options + ") ";
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(explain + sql)) {
            var plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    /** The execution time, in milliseconds, an {@code EXPLAIN ANALYZE} plan reports. */
    public static double executionTime(String plan) {
        var line = plan.lines().filter(text -> text.startsWith("Execution Time:")).findFirst()
                .orElseThrow(() -> new AssertionError("No execution time in the plan (not ANALYZE?):\n" + plan));
        return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
    }

    /** How many rows the query answers. */
    public static long rows(Connection connection, String sql) {
        return Sql.count(connection, "SELECT count(*) FROM (" + sql + ") page");
    }
}
