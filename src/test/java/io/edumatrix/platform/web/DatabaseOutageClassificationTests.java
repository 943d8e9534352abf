package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being out of reach (a 503) and which are not (a bug, a 500). */
@UnitTest
class DatabaseOutageClassificationTests {

    @ParameterizedTest(name = "SQLState {0}")
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03"})
    void a_connection_exception_or_a_server_going_away_is_an_outage_at_any_depth(String sqlState) {
        var driver = new SQLException("server gone", sqlState);

        assertThat(DatabaseOutage.causedBy(driver)).isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new RuntimeException(driver)))).isTrue();
    }

    @Test
    void springs_and_hikaris_connection_failures_are_outages() {
        var poolTimeout = new SQLTransientConnectionException("institutions - Connection is not available");

        assertThat(DatabaseOutage.causedBy(poolTimeout)).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no transaction", poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransientDataAccessResourceException("try again"))).isTrue();
    }

    @Test
    void a_rollback_that_fails_after_a_lost_connection_is_an_outage_through_the_exception_it_replaced() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rejected", "25P02"));
        rollback.initApplicationException(new SQLException("I/O error", "08006"));

        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
    }

    /** What Spring throws when a commit fails on a lost connection: the commit's exception is gone. */
    @Test
    void a_rollback_the_pool_refuses_because_it_closed_the_connection_is_an_outage() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
    }

    @Test
    void a_timeout_a_constraint_or_a_failure_without_a_connection_state_is_no_outage() {
        assertThat(DatabaseOutage.causedBy(new QueryTimeoutException("statement timeout", new SQLException("cancel", "57014"))))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("x", new SQLException("nul", "22021"))))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no transaction",
                new IllegalStateException("bug")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("could not serialize access", "40001")))).isFalse();
    }
}
