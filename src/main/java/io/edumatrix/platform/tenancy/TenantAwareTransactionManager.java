package io.edumatrix.platform.tenancy;

import io.edumatrix.platform.tenancy.TransactionSettings.Framing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A module's transaction manager: every transaction it begins carries the {@link TenantContext} bound at that moment to
 * PostgreSQL as transaction-local settings, with no context meaning no tenant. Module code never sets them.
 *
 * <p>The transaction's timeout travels the same way, as {@code statement_timeout}, and PostgreSQL enforces it. Spring
 * would otherwise call {@code setQueryTimeout} on every statement, and pgjdbc schedules (and cancels) a task on a
 * shared {@link java.util.Timer} for each: measurable on a one-row read, for no more protection.
 *
 * <p>A read-only transaction at READ COMMITTED (the modules' pools' isolation) runs statement by statement, each
 * statement a read-only transaction of its own, begun and committed in its own round trip ({@link SettingsCarrier}): at
 * that isolation each statement reads a snapshot of its own anyway, and a one-row read takes one round trip.
 */
public final class TenantAwareTransactionManager extends JdbcTransactionManager {

    private final SettingsSigner signer;
    private OwnWrites ownWrites;

    public TenantAwareTransactionManager(TenantAwareDataSource dataSource) {
        super(dataSource);
        this.signer = dataSource.signer();
    }

    /**
     * The module reads from a replica: a read-only transaction goes there unless {@code ownWrites} keeps it on the
     * primary. It does so by taking the read-only mark off the connection before its first statement, which is what
     * routes it (the data source fetches the real connection only then); the transaction is then an ordinary one.
     */
    public void routeReads(OwnWrites ownWrites) {
        this.ownWrites = ownWrites;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!definition.isReadOnly()) {
            TransactionAttempt.recordWrite();
        }
        if (!(connection instanceof SettingsCarrier carrier)) {
            throw new IllegalStateException("Module transactions need connections of a TenantAwareDataSource");
        }
        int timeout = super.determineTimeout(definition);
        if (definition.isReadOnly() && readCommitted(definition)) {
            carrier.carryStatementwise(TransactionSettings.Unsigned.now(timeout, Framing.OWN_READ_ONLY_TRANSACTION));
        } else {
            carrier.carry(TransactionSettings.Unsigned.now(timeout, Framing.IN_TRANSACTION).sign(signer));
        }
        if (ownWrites != null && definition.isReadOnly() && ownWrites.readFromPrimary(TenantContext.current(),
                definition instanceof TransactionAttribute attribute ? attribute.getLabels() : List.of())) {
            connection.setReadOnly(false);
        }
    }

    /** The pools' connections are at READ COMMITTED (ModuleDataAccess), so the default isolation is that one. */
    private static boolean readCommitted(TransactionDefinition definition) {
        return definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT
                || definition.getIsolationLevel() == TransactionDefinition.ISOLATION_READ_COMMITTED;
    }

    /** A commit is what makes a failed {@link TransactionAttempt} unsafe to repeat. */
    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        TransactionAttempt.recordCommit();
        if (ownWrites != null && !status.isReadOnly()) {
            ownWrites.wrote(TenantContext.current());
        }
    }

    /** No deadline for Spring to enforce statement by statement: the server enforces it (see above). */
    @Override
    protected int determineTimeout(TransactionDefinition definition) {
        return TransactionDefinition.TIMEOUT_DEFAULT;
    }
}
