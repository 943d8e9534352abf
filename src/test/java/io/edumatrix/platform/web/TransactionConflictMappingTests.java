package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * A transaction conflict that reaches the handler (not retried, or still failing after the retries) is the client's
 * cue to try again, never a 500: a deadlock or serialization failure a 409, a lock timeout a 503, both with
 * {@code Retry-After}, however deeply Spring or Spring Data wrapped the driver's exception.
 */
@UnitTest
class TransactionConflictMappingTests {

    private final ProblemHandler handler = new ProblemHandler();

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource({"40P01, 409, transaction-conflict", "40001, 409, transaction-conflict", "55P03, 503, resource-busy"})
    void a_conflict_is_a_problem_to_retry_after_a_second(String sqlState, int status, String type) {
        var driver = new SQLException("provoked", sqlState);
        var translated = new PessimisticLockingFailureException("translated", driver);

        for (var failure : new Exception[] {driver, translated, new DbActionExecutionException(null, translated)}) {
            var response = handler.unexpected(failure);

            assertThat(response.getStatusCode().value()).isEqualTo(status);
            assertThat(((ProblemDetail) response.getBody()).getType()).hasToString("https://edumatrix.io/problems/" + type);
            assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("1");
        }
    }
}
