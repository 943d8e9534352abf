package io.edumatrix.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a client can act on, with its problem type. Modules throw the specific kinds below; the handler turns each
 * into an RFC 9457 response.
 */
public class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String type, String title, String detail) {
        super(status, ApiProblems.problem(status, type, title, detail), null);
    }

    /** The resource named in the path does not exist (or is not visible to the caller). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** The request conflicts with existing state, such as a duplicate code. */
    public static ApiException conflict(String type, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    /** The request is well formed but refers to something that does not exist or is not allowed. */
    public static ApiException unprocessable(String type, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, type, "Unprocessable request", detail);
    }

    public ProblemDetail problem() {
        return getBody();
    }
}
