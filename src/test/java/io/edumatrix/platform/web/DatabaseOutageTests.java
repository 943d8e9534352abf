package io.edumatrix.platform.web;

import static io.edumatrix.platform.data.ApplicationLaunch.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is an outage to wait out, not a bug: requests meanwhile get a 503
 * {@code service-unavailable} with {@code Retry-After}, never a 500, and the application recovers by itself once the
 * database is back, with every write it acknowledged in place. The application's pools connect through a proxy the
 * test cuts and restores; provisioning and migrations keep their direct connection.
 */
@IntegrationTest
class DatabaseOutageTests {

    private static final int WRITERS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void while_the_database_is_unreachable_requests_get_503_with_retry_after_and_afterwards_every_acknowledged_write_is_there()
            throws InterruptedException {
        var database = TestDatabase.get().applicationProperties();
        try (var proxy = new TcpProxy((String) database.get("edumatrix.database.host"),
                (Integer) database.get("edumatrix.database.port"));
                var application = ApplicationLaunch.onTestDatabase().overHttp()
                        .with("edumatrix.database.pool.host", "127.0.0.1")
                        .with("edumatrix.database.pool.port", proxy.port())
                        .with("edumatrix.database.pool.connection-timeout", "1s")
                        .start()) {
            var login = new RawHttp(port(application), null).post("/api/sessions",
                    "{\"email\":\"" + World.ADMIN_EMAIL + "\",\"password\":\"" + World.ADMIN_PASSWORD + "\"}");
            var http = new RawHttp(port(application), login.field("accessToken"));
            try (var load = new WriteLoad(http)) {
                load.awaitMore(status -> status == 201, 10);

                proxy.cut();
                load.awaitMore(status -> status == 503, 2 * WRITERS);
                var read = http.get("/api/institutions");
                proxy.restore();
                load.awaitMore(status -> status == 201, 10);

                load.stop();
                assertServiceUnavailable(read);
                assertThat(load.responses()).as("every response under load")
                        .allSatisfy(response -> assertThat(response.status()).as("%s", response).isIn(201, 503));
                load.responses().stream().filter(response -> response.status() == 503)
                        .forEach(DatabaseOutageTests::assertServiceUnavailable);
                var acknowledged = load.responses().stream().filter(response -> response.status() == 201).toList();
                assertThat(acknowledged).allSatisfy(created -> assertThat(
                        http.get("/api/institutions/" + created.field("id")).status()).as("%s read back", created).isEqualTo(200));
            }
        }
    }

    private static void assertServiceUnavailable(RawHttp.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(503);
        assertThat(response.retryAfter()).as("Retry-After of %s", response).contains("5");
        assertThat(response.isProblem()).as("%s", response).isTrue();
        assertThat(response.problem().type()).hasToString("https://edumatrix.io/problems/service-unavailable");
    }

    /** A few clients registering institutions as fast as they are answered, each request with a fresh code. */
    private static final class WriteLoad implements AutoCloseable {

        private final Queue<RawHttp.Response> responses = new ConcurrentLinkedQueue<>();
        private final List<Thread> writers;
        private volatile boolean running = true;

        WriteLoad(RawHttp http) {
            writers = IntStream.range(0, WRITERS).mapToObj(i -> Thread.ofVirtual().name("writer-" + i).start(() -> {
                while (running) {
                    var code = "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    responses.add(http.post("/api/institutions", "{\"name\":\"Outage University\",\"code\":\"" + code + "\"}"));
                }
            })).toList();
        }

        /** Waits until {@code count} more responses than now match. */
        void awaitMore(Predicate<Integer> status, int count) throws InterruptedException {
            long target = matching(status) + count;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (matching(status) < target) {
                assertThat(System.nanoTime()).as("waiting for %s more matching responses; so far %s", count, summary())
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (var writer : writers) {
                writer.join(PATIENCE);
            }
        }

        List<RawHttp.Response> responses() {
            return List.copyOf(responses);
        }

        private long matching(Predicate<Integer> status) {
            return responses.stream().filter(response -> status.test(response.status())).count();
        }

        private String summary() {
            return responses.stream().collect(Collectors.groupingBy(RawHttp.Response::status,
                    Collectors.counting())).toString();
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
