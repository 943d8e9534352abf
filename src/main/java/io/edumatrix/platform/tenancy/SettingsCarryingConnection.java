package io.edumatrix.platform.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The connection side of {@link TenantAwareDataSource}. While a transaction's settings are pending, the first
 * {@code prepareStatement(sql)} returns a {@link DeferredStatement}, which sends the settings and the statement as one
 * two-statement query (pgjdbc sends that in one round trip, with one Sync). Anything else that would reach the server
 * first (a plain statement, a call, a batch) has the settings sent as a statement of their own just before it: correct
 * in every case, and one round trip dearer only in those rare ones.
 *
 * <p>Outside a transaction (auto-commit), each prepared statement is its own transaction, so each carries the settings
 * of the context bound when the connection was taken (signed for each statement, so that a connection held long
 * still sends fresh signatures): a repository called without a transaction still sees its tenant's rows, rather than
 * silently none.
 */
final class SettingsCarryingConnection implements InvocationHandler {

    private final Connection target;
    private final TenantContext autoCommitContext;
    private final SettingsSigner signer;
    private TransactionSettings pending;

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
            // The transaction ends: settings it never used must not leak into the next one.
            case "commit", "rollback", "close", "setAutoCommit" -> pending = null;
            case "prepareStatement" -> {
                if ((pending != null || target.getAutoCommit()) && args.length == 1) {
                    return DeferredStatement.create(this, (Connection) proxy, (String) args[0]);
                }
                sendPendingSettings();
            }
            case "createStatement", "prepareCall" -> sendPendingSettings();
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
     * once); outside one, the connection's, every time.
     */
    TransactionSettings takePending() throws SQLException {
        if (pending == null) {
            return target.getAutoCommit() ? TransactionSettings.of(autoCommitContext, 0, signer) : null;
        }
        var settings = pending;
        pending = null;
        return settings;
    }

    /** Sends a transaction's settings still pending as a statement of their own. */
    void sendPendingSettings() throws SQLException {
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

    PreparedStatement prepareOnTarget(String sql) throws SQLException {
        return target.prepareStatement(sql);
    }

}
