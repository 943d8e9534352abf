package io.edumatrix.platform.data;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The ways PostgreSQL ends a transaction because of other transactions rather than because of the work itself. The
 * same work may well succeed when run again; Spring's translation and Spring Data JDBC's wrapping both keep the
 * driver's exception as a cause, so the SQLState is read from the cause chain.
 */
public enum TransactionConflict {

    DEADLOCK("40P01"),
    SERIALIZATION_FAILURE("40001"),
    LOCK_NOT_AVAILABLE("55P03");

    private final String sqlState;

    TransactionConflict(String sqlState) {
        this.sqlState = sqlState;
    }

    public static Optional<TransactionConflict> of(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                for (var conflict : values()) {
                    if (conflict.sqlState.equals(sql.getSQLState())) {
                        return Optional.of(conflict);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
