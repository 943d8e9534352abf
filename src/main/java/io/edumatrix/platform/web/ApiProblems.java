package io.edumatrix.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Stable problem {@code type}s: clients may switch on them, so they never change once published. */
public final class ApiProblems {

    private static final String BASE = "https://edumatrix.io/problems/";

    private ApiProblems() {}

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
