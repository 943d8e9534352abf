package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An RFC 9457 problem as a client reads it, with the rejected fields of a validation problem. */
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {}

    /** Asserts that the response is a problem of the given status and stable type, and returns it. */
    public static Problem expect(RestTestClient.ResponseSpec response, HttpStatus status, String type) {
        var problem = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class).returnResult().getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem.type()).isEqualTo(URI.create("https://edumatrix.io/problems/" + type));
        assertThat(problem.status()).isEqualTo(status.value());
        assertThat(problem.title()).isNotBlank();
        return problem;
    }

    public List<String> rejectedFields() {
        return errors == null ? List.of() : errors.stream().map(FieldError::field).toList();
    }
}
