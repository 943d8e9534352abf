package io.edumatrix.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose parameters cannot be decoded (percent-encoding that is not UTF-8, too many parameters) with
 * a 400 {@code malformed-request} before anything else sees it. The servlet container decodes parameters lazily and
 * fails with an unchecked exception wherever they are first read, which may be a filter outside Spring MVC's error
 * handling; reading them here, first, makes the failure happen in one known place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableParametersFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    UnreadableParametersFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            var problem = Problems.of(PlatformProblems.MALFORMED_REQUEST,
                    "The request parameters are not valid percent-encoded UTF-8, or there are too many");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
