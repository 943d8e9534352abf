package io.edumatrix.platform.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The connection side of {@link TenantAwareDataSource}. While a transaction's settings are pending, the first
 * {@code prepareStatement(sql)} returns a {@link DeferredStatement}, which sends the settings and the statement as one
 * two-statement query (pgjdbc sends that in one round trip, with one Sync). Anything else that would reach the server
 * first (a plain statement, a call, a batch) has the settings sent as a statement of their own just before it: correct
 * in every case, and one round trip dearer only in those rare ones.
 *
 * <p>A read-only transaction at READ COMMITTED runs statement by statement ({@link #carryStatementwise}): the
 * connection stays in auto-commit, every prepared statement is a read-only transaction of its own
 * ({@code BEGIN READ ONLY; settings; statement; COMMIT}, in one round trip, the settings signed for it), and the
 * transaction's end sends nothing. A one-statement read, the commonest transaction of all, so takes one round trip
 * instead of two. Anything that needs a transaction that spans statements (a plain statement, a call, a batch, a
 * savepoint, a cursor read with a fetch size, a transaction-scoped advisory lock or setting) turns it into an ordinary
 * read-only transaction from there on.
 *
 * <p>Outside a transaction (auto-commit), each prepared statement is its own transaction
 * ({@code BEGIN; settings; statement; COMMIT}, in one round trip), so each carries the settings of the context bound
 * when the connection was taken (signed for each statement, so that a connection held long still sends fresh
 * signatures): a repository called without a transaction still sees its tenant's rows, rather than silently none.
 */
final class SettingsCarryingConnection implements InvocationHandler {

    private final Connection target;
    private final TenantContext autoCommitContext;
    private final SettingsSigner signer;
    private TransactionSettings pending;
    /** The read-only transaction running statement by statement, if one is. */
    private TransactionSettings.Unsigned statementwise;

    SettingsCarryingConnection(Connection target, TenantContext autoCommitContext, SettingsSigner signer) {
        this.target = target;
        this.autoCommitContext = autoCommitContext;
        this.signer = signer;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "carry" -> {
                pending = (TransactionSettings) args[0];
                return null;
            }
            case "carryStatementwise" -> {
                // Nothing has reached the server yet, so turning auto-commit back on costs no round trip.
                target.setAutoCommit(true);
                statementwise = (TransactionSettings.Unsigned) args[0];
                return null;
            }
            // As the transaction manager expects of a transaction it began.
            case "getAutoCommit" -> {
                if (statementwise != null) {
                    return false;
                }
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "tenant-aware " + target;
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
            }
            case "unwrap" -> {
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
            }
            // The transaction ends: settings it never used must not leak into the next one. Statement by statement,
            // each statement has ended its own transaction already.
            case "commit", "rollback" -> {
                pending = null;
                if (statementwise != null && (args == null || args.length == 0)) {
                    statementwise = null;
                    return null;
                }
            }
            case "close", "setAutoCommit" -> {
                pending = null;
                statementwise = null;
            }
            case "prepareStatement" -> {
                if ((pending != null || statementwise != null || target.getAutoCommit()) && args.length == 1) {
                    return DeferredStatement.create(this, (Connection) proxy, (String) args[0]);
                }
                sendPendingSettings();
            }
            case "createStatement", "prepareCall", "setSavepoint" -> sendPendingSettings();
            default -> { }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The settings to send with the statement about to run: in a transaction, those still pending, taken (they travel
     * once); statement by statement, the transaction's, signed now; outside one, the connection's, every time. A
     * statement that needs the whole transaction ({@code spanning}, asked only then: a cursor read, a
     * transaction-scoped lock or setting) turns a transaction that runs statement by statement into an ordinary one.
     */
    TransactionSettings takePending(BooleanSupplier spanning) throws SQLException {
        if (statementwise != null) {
            if (!spanning.getAsBoolean()) {
                return statementwise.sign(signer);
            }
            beginOrdinaryTransaction();
        }
        if (pending == null) {
            return target.getAutoCommit() ? TransactionSettings.of(autoCommitContext, signer) : null;
        }
        var settings = pending;
        pending = null;
        return settings;
    }

    /** Sends a transaction's settings still pending as a statement of their own. */
    void sendPendingSettings() throws SQLException {
        if (statementwise != null) {
            beginOrdinaryTransaction();
        }
        var settings = pending;
        pending = null;
        if (settings == null) {
            return;
        }
        try (var statement = target.prepareStatement(TransactionSettings.SQL)) {
            settings.bind(statement);
            statement.execute();
        }
    }

    /**
     * From the next statement on, the read-only transaction that ran statement by statement is an ordinary one: pgjdbc
     * begins it with that statement (read-only, as the connection is marked), and the settings go with it once.
     */
    private void beginOrdinaryTransaction() throws SQLException {
        var settings = statementwise;
        statementwise = null;
        target.setAutoCommit(false);
        pending = settings.inTransaction().sign(signer);
    }

    /**
     * After a statement that was a transaction of its own failed: if the failure left that transaction open (it failed
     * before its {@code COMMIT}, which PostgreSQL then skipped), it is rolled back, so that the connection is back in
     * auto-commit with no transaction, as pgjdbc and the pool expect.
     */
    void endOwnTransactionAfter(SQLException failure) {
        try {
            if (target.isWrapperFor(BaseConnection.class)
                    && target.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
                return;
            }
            try (var statement = target.createStatement()) {
                statement.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    PreparedStatement prepareOnTarget(String sql) throws SQLException {
        return target.prepareStatement(sql);
    }

}
