package io.edumatrix.platform.remote;

import io.edumatrix.platform.web.PlatformProblems;
import io.edumatrix.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients keep one base URL: a public request for a module that runs in another process is passed to that process as
 * it came (method, path, query, headers with the token and the request id, body) and its answer is passed back as it
 * went (status, headers, body, streamed as it arrives, so an event stream stays one). The owner checks the token and
 * the access rule, so this process judges nothing about the request. An owner that cannot be reached, does not answer
 * within its {@code read-timeout}, or fails with a 5xx other than 503 becomes the 503 {@code service-unavailable} with
 * its {@code retry-after}: the caller is told to come back, never shown another process's failure.
 */
final class PublicRequestForwarding extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRequestForwarding.class);

    /** Hop-by-hop headers (RFC 9110 section 7.6.1) and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    private final ForwardedRoutes routes;
    private final Map<String, RemoteProperties.Remote> settings;
    private final Map<String, HttpClient> clients;
    private final JsonMapper json;

    PublicRequestForwarding(ForwardedRoutes routes, Map<String, RemoteProperties.Remote> settings, JsonMapper json) {
        this.routes = routes;
        this.settings = settings;
        this.json = json;
        this.clients = settings.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                remote -> HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(remote.getValue().connectTimeout())
                        .build()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var route = routes.find(request.getRequestURI().substring(request.getContextPath().length()));
        if (route.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var module = route.get().module();
        var remote = settings.get(module);
        HttpRequest forwarded;
        try {
            forwarded = forwarded(request, route.get().owner(), remote.readTimeout());
        } catch (IllegalArgumentException e) {
            problem(response, Problems.of(PlatformProblems.MALFORMED_REQUEST,
                    "The request has a header that cannot be passed on"), null);
            return;
        }
        HttpResponse<InputStream> answer;
        try {
            answer = clients.get(module).send(forwarded, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.warn("Module {} did not answer a forwarded {} {}: {}", module, request.getMethod(),
                    request.getRequestURI(), e.toString());
            unavailable(response, module, remote.retryAfter());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, module, remote.retryAfter());
            return;
        }
        try (var body = answer.body()) {
            if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
                log.warn("Module {} answered {} to a forwarded {} {}", module, answer.statusCode(), request.getMethod(),
                        request.getRequestURI());
                unavailable(response, module, remote.retryAfter());
                return;
            }
            passBack(answer, body, response);
        }
    }

    private static HttpRequest forwarded(HttpServletRequest request, URI owner, Duration timeout) throws IOException {
        var target = owner.resolve(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        var builder = HttpRequest.newBuilder(target).timeout(timeout);
        for (var name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (var value : Collections.list(request.getHeaders(name))) {
                    builder.header(name, value);
                }
            }
        }
        return builder.method(request.getMethod(), body(request)).build();
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        var chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length == 0 || length < 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        var stream = request.getInputStream();
        var publisher = HttpRequest.BodyPublishers.ofInputStream(() -> stream);
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(publisher, length) : publisher;
    }

    /** Status and headers first, then the body as it arrives, flushed whenever the owner pauses (an event stream). */
    private static void passBack(HttpResponse<InputStream> answer, InputStream body, HttpServletResponse response)
            throws IOException {
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        answer.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).ifPresent(response::setContentLengthLong);
        var out = response.getOutputStream();
        var buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            if (body.available() == 0) {
                out.flush();
            }
        }
        out.flush();
    }

    private void unavailable(HttpServletResponse response, String module, Duration retryAfter) throws IOException {
        problem(response, Problems.of(PlatformProblems.SERVICE_UNAVAILABLE, "Module " + module
                + " cannot be reached for now"), retryAfter);
    }

    /** Retry-After in whole seconds, rounded up as the problem handler does. */
    private void problem(HttpServletResponse response, ProblemDetail problem, Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(problem.getStatus());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.plusNanos(999_999_999).getSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
