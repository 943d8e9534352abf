package io.edumatrix.platform.tenancy;

import static io.edumatrix.platform.tenancy.TransactionSettings.SQL_TEXTS;

import io.edumatrix.platform.Memo;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first prepared statement of a transaction whose settings are still pending. It records parameter values and
 * statement options until it is executed, then prepares {@code settings; statement} as one query (framed by
 * {@code BEGIN … COMMIT} when the statement is a transaction of its own: {@link TransactionSettings.Framing}), binds
 * the settings first and the recorded parameters after them, and returns the statement's own result:
 * {@code executeQuery} skips the results before its own with {@code getMoreResults}, which is why it runs
 * {@code execute} underneath (pgjdbc's {@code executeQuery} refuses a query that returns two results). Anything other
 * than a plain execution (a batch, metadata) first sends the settings on their own and then works on the unchanged
 * statement.
 */
final class DeferredStatement implements InvocationHandler {

    /** Options of {@link java.sql.Statement} that can be set before the statement exists, and replayed. */
    private static final Set<String> STATEMENT_OPTIONS = Set.of("setQueryTimeout", "setFetchSize", "setMaxRows",
            "setLargeMaxRows", "setMaxFieldSize", "setFetchDirection", "setEscapeProcessing", "setPoolable",
            "setCursorName");
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");
    private static final Memo<String, Boolean> MENTIONS_TRANSACTION_STATE =
            new Memo<>(SQL_TEXTS, DeferredStatement::mentionsTransactionState);

    private final SettingsCarryingConnection connection;
    private final Connection proxyConnection;
    private final String sql;
    private final List<Call> recorded = new ArrayList<>();
    private PreparedStatement target;
    private TransactionSettings settings;
    private boolean carriesSettings;
    private boolean closed;

    private record Call(Method method, Object[] args, boolean parameter) {}

    private DeferredStatement(SettingsCarryingConnection connection, Connection proxyConnection, String sql) {
        this.connection = connection;
        this.proxyConnection = proxyConnection;
        this.sql = sql;
    }

    static PreparedStatement create(SettingsCarryingConnection connection, Connection proxyConnection, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(DeferredStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new DeferredStatement(connection, proxyConnection, sql));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        var name = method.getName();
        boolean noArgs = args == null || args.length == 0;
        switch (name) {
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "deferred " + (target == null ? sql : target);
            }
            case "getConnection" -> {
                return proxyConnection;
            }
            default -> { }
        }
        if (target == null) {
            if (name.equals("close")) {
                closed = true;
                return null;
            }
            if (name.equals("isClosed")) {
                return closed;
            }
            if (isParameter(method) || STATEMENT_OPTIONS.contains(name) || name.equals("clearParameters")) {
                recorded.add(new Call(method, args, isParameter(method)));
                return null;
            }
            prepare(EXECUTIONS.contains(name) && noArgs);
        }
        if (carriesSettings) {
            if (EXECUTIONS.contains(name) && noArgs) {
                return executeAfterSettings(name);
            }
            if (isParameter(method)) {
                return invokeShifted(method, args);
            }
            if (name.equals("clearParameters")) {
                target.clearParameters();
                settings.bind(target);
                return null;
            }
        }
        return invokeOnTarget(method, args);
    }

    private void prepare(boolean withSettings) throws Throwable {
        settings = withSettings ? connection.takePending(this::needsTheWholeTransaction) : null;
        if (settings == null) {
            connection.sendPendingSettings();
            target = connection.prepareOnTarget(sql);
        } else {
            target = connection.prepareOnTarget(settings.around(sql));
            settings.bind(target);
            carriesSettings = true;
        }
        for (var call : recorded) {
            if (call.method().getName().equals("clearParameters") && carriesSettings) {
                target.clearParameters();
                settings.bind(target);
            } else if (call.parameter() && carriesSettings) {
                invokeShifted(call.method(), call.args());
            } else {
                invokeOnTarget(call.method(), call.args());
            }
        }
        recorded.clear();
    }

    /**
     * Whether the statement leaves something behind for the statements after it that lasts only as long as the
     * transaction, so that it cannot be a transaction of its own: a fetch size asks pgjdbc for a cursor, which it opens
     * only inside a transaction; a transaction-scoped advisory lock and a transaction-local setting would end with the
     * statement's own transaction.
     */
    private boolean needsTheWholeTransaction() {
        for (var call : recorded) {
            if (call.method().getName().equals("setFetchSize") && (Integer) call.args()[0] > 0) {
                return true;
            }
        }
        return MENTIONS_TRANSACTION_STATE.get(sql);
    }

    /**
     * Whether the SQL names a transaction-scoped advisory lock ({@code …xact_lock}) or {@code set_config}, in any
     * letter case. A scan for their first letters rather than a regular expression, done once per SQL text: this is
     * asked for every statement of a read-only transaction, and the case-insensitive pattern it replaced cost 4 % of
     * the JVM's time per GET.
     */
    static boolean mentionsTransactionState(String sql) {
        for (int i = 0, n = sql.length(); i < n; i++) {
            char lower = (char) (sql.charAt(i) | 0x20);
            if ((lower == 'x' && sql.regionMatches(true, i, "xact_lock", 0, 9))
                    || (lower == 's' && sql.regionMatches(true, i, "set_config", 0, 10))) {
                return true;
            }
        }
        return false;
    }

    private Object executeAfterSettings(String execution) throws SQLException {
        try {
            target.execute();
        } catch (SQLException e) {
            if (settings.ownTransaction()) {
                connection.endOwnTransactionAfter(e);
            }
            throw e;
        }
        boolean resultSet = false;
        for (int i = 0; i < settings.resultsBefore(); i++) {
            resultSet = target.getMoreResults();
        }
        return switch (execution) {
            case "executeQuery" -> {
                if (!resultSet) {
                    throw new SQLException("No results were returned by the query.", "02000");
                }
                yield target.getResultSet();
            }
            case "executeUpdate" -> target.getUpdateCount();
            case "executeLargeUpdate" -> target.getLargeUpdateCount();
            default -> resultSet;
        };
    }

    /** Parameter setters take a 1-based index; the settings' parameters come first. */
    private Object invokeShifted(Method method, Object[] args) throws Throwable {
        var shifted = args.clone();
        shifted[0] = (Integer) args[0] + TransactionSettings.PARAMETERS;
        return invokeOnTarget(method, shifted);
    }

    private Object invokeOnTarget(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isParameter(Method method) {
        return method.getName().startsWith("set") && method.getParameterCount() >= 2
                && method.getParameterTypes()[0] == int.class
                && (method.getDeclaringClass() == PreparedStatement.class);
    }
}
