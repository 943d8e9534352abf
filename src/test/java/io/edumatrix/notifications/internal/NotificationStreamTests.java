package io.edumatrix.notifications.internal;

import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The live stream of a member's new notifications, read as a client reads it: a personal notification and the
 * institution's broadcast arrive as events carrying their ids; another member's and another institution's do not.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class NotificationStreamTests {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private RestTestClient anonymous;
    @LocalServerPort
    private int port;

    @Test
    void a_members_new_notifications_arrive_on_their_stream_and_nobody_elses(Scenario scenario) throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var elsewhere = world.institution();

        try (var student = open(school.student()); var instructor = open(school.instructor());
                var outsider = open(elsewhere.student())) {
            deliver(scenario, ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(),
                    school.student().accountId(), "SUBMITTED", "UNDER_REVIEW"));
            var personal = NotificationDeliveryTests.list(school.student()).getFirst().get("id");
            assertThat(student.nextId()).isEqualTo(personal);

            deliver(scenario, ArticlePublished.of(school.id(), UUID.randomUUID(), school.admin().accountId()));
            var broadcast = NotificationDeliveryTests.list(school.instructor()).getFirst().get("id");
            assertThat(student.nextId()).isEqualTo(broadcast);
            assertThat(instructor.nextId()).as("the broadcast only").isEqualTo(broadcast);
            assertThat(outsider.ids.poll(200, TimeUnit.MILLISECONDS)).as("another institution's member").isNull();
            assertThat(instructor.ids.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void a_stream_needs_a_member_token() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/notifications/stream")).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Opens the person's stream and returns once it is connected (its first comment read). */
    private Stream open(Person person) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/notifications/stream")).header("Authorization", "Bearer " + person.accessToken())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var stream = new Stream(response.body());
        assertThat(stream.connected.poll(WITHIN_SECONDS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("connected");
        return stream;
    }

    /** The ids of the events a stream carries, as a client reads them. */
    private static final class Stream implements AutoCloseable {

        private final InputStream input;
        private final BlockingQueue<String> ids = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> connected = new LinkedBlockingQueue<>();

        Stream(InputStream input) {
            this.input = input;
            Thread.ofVirtual().start(this::read);
        }

        String nextId() throws InterruptedException {
            return ids.poll(WITHIN_SECONDS.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(":connected")) {
                        connected.add("connected");
                    } else if (line.startsWith("id:")) {
                        ids.add(line.substring(3).strip());
                    }
                }
            } catch (java.io.IOException e) {
                // Closed by the test.
            }
        }

        @Override
        public void close() throws java.io.IOException {
            input.close();
        }
    }
}
