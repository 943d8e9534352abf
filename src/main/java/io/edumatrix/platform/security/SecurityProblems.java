package io.edumatrix.platform.security;

import io.edumatrix.platform.web.Problems;
import io.edumatrix.platform.web.PlatformProblems;
import io.edumatrix.platform.domain.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and a request the firewall rejects (400) as problem details, as every other error. The 401 also carries the {@code WWW-Authenticate: Bearer}
 * challenge of RFC 6750. The detail never says why a token was refused (expired, bad signature): that helps only an
 * attacker.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", ProblemType.Category.UNAUTHENTICATED,
            "Unauthorized");
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        write(response, unauthenticated());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, forbidden());
    }

    /** The firewall refused the request (a parameter name or header it will not pass on): the client's fault. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(response, rejected());
    }

    static ProblemDetail unauthenticated() {
        return Problems.of(UNAUTHENTICATED, "A valid access token is required (Authorization: Bearer …)");
    }

    static ProblemDetail forbidden() {
        return Problems.of(FORBIDDEN, "Your role does not allow this");
    }

    static ProblemDetail rejected() {
        return Problems.of(PlatformProblems.MALFORMED_REQUEST, 
                "The request was rejected: it contains characters or names that are not allowed");
    }


    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
