package io.edumatrix.platform.web;

import io.edumatrix.platform.domain.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/** RFC 9457 bodies and responses for {@link ProblemType}s: the status follows from the type's category. */
@NamedInterface("web")
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemType type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(ProblemStatus.of(type.category()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** An {@code invalid-request} problem listing each rejected field or parameter with the reason. */
    static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        var problem = of(PlatformProblems.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Retry-After takes whole seconds; rounding up never invites the client back too early. */
    static ResponseEntity<Object> response(ProblemDetail problem, Duration retryAfter) {
        long seconds = Math.max(0, retryAfter.plusNanos(999_999_999).getSeconds());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }
}
