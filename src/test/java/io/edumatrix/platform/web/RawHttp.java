package io.edumatrix.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client that sends the path, headers and body bytes exactly as given, so a test can send what a well-behaved
 * client library would refuse to produce (broken percent-encoding, invalid JSON, odd content types). Every request a
 * test sends goes through {@link #send}, the one place that would add credentials.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String accessToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param accessToken sent as a bearer token with every request, or none when null */
    public RawHttp(int port, String accessToken) {
        this.base = "http://127.0.0.1:" + port;
        this.accessToken = accessToken;
    }

    public Response get(String rawPath) {
        return send("GET", rawPath, null, (byte[]) null);
    }

    public Response post(String rawPath, String json) {
        return send("POST", rawPath, "application/json", json);
    }

    public Response patch(String rawPath, String json) {
        return send("PATCH", rawPath, "application/json", json);
    }

    /**
     * @param contentType sent as given, or no header when null
     * @param body sent as UTF-8, or no body when null
     */
    public Response send(String method, String rawPath, String contentType, String body) {
        return send(method, rawPath, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** @param body sent as given, or no body when null */
    public Response send(String method, String rawPath, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Retry-After"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + rawPath, e);
        }
    }

    public record Response(int status, Optional<String> contentType, Optional<String> retryAfter, String body) {

        public boolean isProblem() {
            return contentType.filter(type -> type.startsWith("application/problem+json")).isPresent();
        }

        /** The body read as a problem; meaningful only when {@link #isProblem()}. */
        public Problem problem() {
            return JSON.readValue(body, Problem.class);
        }

        /** A field of a JSON object body, as text. */
        public String field(String name) {
            return JSON.readTree(body).get(name).asString();
        }

        @Override
        public String toString() {
            return status + " " + contentType.orElse("") + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
