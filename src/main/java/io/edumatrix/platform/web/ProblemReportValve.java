package io.edumatrix.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, for what Tomcat rejects before the application sees the request (a path that does not
 * decode, a NUL in it, headers too large), as a problem instead of an HTML page: an API client then reads every error
 * the same way. A 400 here is always the request's fault, so it is a {@code malformed-request}; any other status keeps
 * the generic type, as Spring MVC's own errors do.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var type = status == 400 ? PlatformProblems.MALFORMED_REQUEST.uri().toString() : "about:blank";
        var title = status == 400 ? PlatformProblems.MALFORMED_REQUEST.title() : reasonPhrase(status);
        // Only constants and a number: nothing from the request is echoed, so nothing needs escaping.
        var body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + "}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response already committed: there is no one left to tell.
        }
    }

    private static String reasonPhrase(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
