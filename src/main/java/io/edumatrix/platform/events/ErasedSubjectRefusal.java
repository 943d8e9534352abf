package io.edumatrix.platform.events;

import java.sql.SQLException;

/**
 * A module's data-subject trigger refused a row naming an account erased from it
 * ({@code db/platform/V5__create_erased_subject.sql}). To a listener that means the event concerns an erased person: the
 * delivery is skipped and its publication completed, because retrying could never succeed and must not.
 */
final class ErasedSubjectRefusal {

    /** The SQLSTATE the trigger raises. */
    static final String SQL_STATE = "EMER1";

    private ErasedSubjectRefusal() {}

    /** Whether the failure, anywhere in its causes, is the trigger's refusal. */
    static boolean isCauseOf(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
