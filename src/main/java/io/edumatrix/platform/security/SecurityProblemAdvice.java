package io.edumatrix.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A method's access rule is checked after the request passed the filter chain, so its refusal arrives as an
 * exception from the handler; answered here, before the catch-all for unexpected exceptions can see it. So does the
 * firewall's refusal of a parameter name or value: the firewalled request checks parameters only when they are first
 * read, which for a form body is inside Spring MVC (a {@code @RequestBody} read from form parameters), where the
 * filter chain's {@code RequestRejectedHandler} never sees it.
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

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected() {
        return SecurityProblems.rejected();
    }
}
