package io.edumatrix.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request that cannot even be read before anything else sees it, even authentication: a body declared
 * larger than the largest the API reads ({@link JsonInputConfiguration#MAX_BODY_BYTES}) with a 413
 * {@code request-too-large}, without reading it (Tomcat then drains it, up to {@code server.tomcat.max-swallow-size},
 * so that the client, still sending, reads the answer); and with a 400 {@code malformed-request}:
 * <ul>
 *   <li>parameters that cannot be decoded (percent-encoding that is not UTF-8, too many parameters): the servlet
 *       container decodes them lazily and fails with an unchecked exception wherever they are first read, which may be
 *       a filter outside Spring MVC's error handling; reading them here, first, makes that happen in one known place;</li>
 *   <li>a {@code Content-Type} that is no concrete media type ({@code *}{@code /*}, garbage): Spring's request wrapper
 *       asserts it deep inside argument resolution, as an unchecked exception that would read as a bug.</li>
 * </ul>
 * and with a 400 {@code invalid-request} naming the parameter, a query parameter that holds a control character
 * ({@link ParameterText}): every handler and filter after this one reads only parameters PostgreSQL can store. (Path
 * variables are known only once a handler is mapped: {@link PathVariableTextInterceptor} checks them.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequestFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    UnreadableRequestFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > JsonInputConfiguration.MAX_BODY_BYTES) {
            refuse(request, response, Problems.of(PlatformProblems.REQUEST_TOO_LARGE,
                    "The body is larger than " + JsonInputConfiguration.MAX_BODY_BYTES + " bytes, the most the API reads"));
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            refuse(request, response, "The request parameters are not valid percent-encoded UTF-8, or there are too many");
            return;
        }
        var flawed = flawedParameter(parameters);
        if (flawed != null) {
            refuse(request, response, Problems.invalid("The request has invalid parameters", List.of(flawed)));
            return;
        }
        if (!concrete(request.getContentType())) {
            refuse(request, response, "The Content-Type header is not a concrete media type");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter whose name or a value {@link ParameterText} refuses, as a rejected field; or null. */
    private static Map<String, String> flawedParameter(Map<String, String[]> parameters) {
        for (var parameter : parameters.entrySet()) {
            var flaw = ParameterText.flawOf(parameter.getKey());
            for (int i = 0; flaw == null && i < parameter.getValue().length; i++) {
                flaw = ParameterText.flawOf(parameter.getValue()[i]);
            }
            if (flaw != null) {
                return Map.of("field", parameter.getKey(), "message", flaw);
            }
        }
        return null;
    }

    private static boolean concrete(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        refuse(request, response, Problems.of(PlatformProblems.MALFORMED_REQUEST, detail));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
