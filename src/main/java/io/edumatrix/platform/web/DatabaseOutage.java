package io.edumatrix.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database (down, restarting, unreachable, refusing connections) from a bug. Such a
 * failure may be wrapped at any depth (a transaction that could not begin, a pool that timed out, a driver that lost
 * its socket), so the whole cause chain is searched.
 *
 * <p>A statement or transaction that merely ran too long is deliberately not an outage: the database answered, and a
 * slow query is a fault to see in the logs, not to hide behind a retry.
 */
final class DatabaseOutage {

    /** SQLState class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping, recovering or starting. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {}

    static boolean causedBy(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && isLostConnection(rollback)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a connection is lost the rollback fails too, and its exception replaces the one that told why: Spring keeps
     * that one as the application exception when the work itself failed, and drops it when the commit failed. A
     * rollback refused with no SQLState was refused by the pool or driver, not the server: the connection was gone.
     */
    private static boolean isLostConnection(TransactionSystemException rollback) {
        return rollback.getApplicationException() != null && causedBy(rollback.getApplicationException())
                || rollback.getCause() instanceof SQLException refused && refused.getSQLState() == null;
    }

    private static boolean isOutage(Throwable cause) {
        // CannotGetJdbcConnectionException is a DataAccessResourceFailureException.
        if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(sql.getSQLState()));
    }
}
