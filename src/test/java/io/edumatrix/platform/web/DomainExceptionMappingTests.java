package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** A domain failure knows its problem type only; the handler gives it the status of its category and the RFC 9457 body. */
@UnitTest
class DomainExceptionMappingTests {

    private final ProblemHandler handler = new ProblemHandler();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"NOT_FOUND, 404", "CONFLICT, 409", "RULE_VIOLATED, 422", "FORBIDDEN, 403", "INVALID, 400",
            "UNAUTHENTICATED, 401", "TOO_MANY_ATTEMPTS, 429", "UNAVAILABLE, 503", "INTERNAL, 500"})
    void each_category_answers_with_its_status_and_the_types_uri_title_and_detail(Category category, int status) {
        var type = new ProblemType("some-problem", category, "Some title");

        var response = handler.domain(new DomainException(type, "What happened"));

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        var problem = (ProblemDetail) response.getBody();
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).isEqualTo(URI.create("https://edumatrix.io/problems/some-problem"));
        assertThat(problem.getTitle()).isEqualTo("Some title");
        assertThat(problem.getDetail()).isEqualTo("What happened");
    }

    @ParameterizedTest(name = "{0} is Retry-After: {1}")
    @CsvSource({"PT0S, 0", "PT0.001S, 1", "PT1S, 1", "PT1.5S, 2", "PT2S, 2", "PT15M, 900"})
    void a_wait_is_sent_as_retry_after_in_whole_seconds_rounded_up(Duration wait, String header) {
        var type = new ProblemType("slow-down", Category.TOO_MANY_ATTEMPTS, "Too many attempts");

        var response = handler.domain(new DomainException(type, "Wait", wait));

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly(header);
    }

    @Test
    void not_found_is_a_404_naming_what_is_missing() {
        var response = handler.domain(DomainException.notFound("Course", "c-1"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).isEqualTo("Course c-1 does not exist");
    }
}
