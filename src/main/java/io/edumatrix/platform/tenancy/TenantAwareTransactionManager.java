package io.edumatrix.platform.tenancy;

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
        carrier.carry(TransactionSettings.of(TenantContext.current(), super.determineTimeout(definition), signer));
        if (ownWrites != null && definition.isReadOnly() && ownWrites.readFromPrimary(TenantContext.current(),
                definition instanceof TransactionAttribute attribute ? attribute.getLabels() : List.of())) {
            connection.setReadOnly(false);
        }
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
