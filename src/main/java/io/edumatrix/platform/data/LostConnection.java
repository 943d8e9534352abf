package io.edumatrix.platform.data;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * A connection that the server ended while a transaction used it: the server shutting down or terminating the backend
 * (a standby being stopped), or the link breaking. Only a connection already in use counts: failing to get one from a
 * pool ({@link SQLTransientConnectionException}, after the pool's own wait) is not repeated, or a dead primary would
 * keep a request waiting that long again and again.
 */
final class LostConnection {

    /** admin_shutdown, crash_shutdown, connection_does_not_exist, connection_failure. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "08003", "08006");

    private LostConnection() {}

    static boolean is(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return false;
            }
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
