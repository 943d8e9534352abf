package io.edumatrix.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A method's access rule is checked after the request passed the filter chain, so its refusal arrives as an
 * exception from the handler; answered here, before the catch-all for unexpected exceptions can see it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemAdvice {

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ProblemDetail unauthenticated() {
        return SecurityProblems.unauthenticated();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden() {
        return SecurityProblems.forbidden();
    }
}
