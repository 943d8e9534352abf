package io.edumatrix.community;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-sent event stream as a client reads it, over {@link HttpClient}: each event (its {@code id:} and the JSON of
 * its {@code data:}) lands in a queue the test polls with a timeout. Closing it closes the connection.
 */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Event(String id, java.util.Map<String, Object> data) {}

    private final int status;
    private final String contentType;
    private final String body;
    private final InputStream input;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<InputStream> response) throws IOException {
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        input = response.body();
        if (status == 200) {
            body = null;
            Thread.ofVirtual().name("event-stream-reader").start(this::read);
        } else {
            try (input) {
                body = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Opens the stream at {@code url} with the access token, and {@code Last-Event-ID} unless null. */
    static EventStream open(String url, String accessToken, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() { return status; }
    String contentType() { return contentType; }
    /** The answer's body when it was not a stream (a problem). */
    String body() { return body; }

    /** The next event, or null if none came within {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next comment line (a heartbeat), or null. */
    String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server ended the stream within {@code timeout}. */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ended) {
                return true;
            }
            Thread.sleep(20);
        }
        return ended;
    }

    private volatile boolean ended;

    @SuppressWarnings("unchecked")
    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String id = null;
            var data = new StringBuilder();
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, JSON.readValue(data.toString(), java.util.Map.class)));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // Closed by the test, or the connection dropped: the stream has ended either way.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
