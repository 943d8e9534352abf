package io.edumatrix.platform.move;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.CrashHarness;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.ThrowawayCluster;
import io.edumatrix.platform.testing.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A move killed with SIGKILL (ADR 0030, ADR 0040): the application process dies once while the move copies, and once
 * inside the pause (the gate closed, the source's writes revoked and its last write applied at the target, the mark not
 * yet made), each time with a writer posting job postings. After each restart with the old location the module serves
 * from the source alone, and the move posted again resumes from the subscription the server kept, to DONE. Every write
 * that was acknowledged is then at the target exactly once, and the source is marked moved and closed to the app role.
 */
@ProcessTest
class ModuleMoveCrashTests {

    private static final String DATABASE = "edumatrix_move";
    /** After the three ports {@link ModuleMoveTests} takes. */
    private static final int PORTS = Integer.getInteger("edumatrix.test.move-ports", 15510) + 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());

    @Test
    void a_move_killed_while_copying_and_inside_its_pause_resumes_to_done_with_every_acknowledged_write_once()
            throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical"); var target = ThrowawayCluster.start(PORTS + 1, "logical")) {
            source.execute("postgres", "CREATE DATABASE " + DATABASE);
            target.execute("postgres", "CREATE DATABASE " + DATABASE);
            var reached = Files.createTempDirectory("move-crash");
            var first = start("copying", source, reached, "copying");
            var world = World.onServer(first.baseUrl());
            var admin = world.platformAdmin();
            var staff = world.institution().instructor();
            try (var writer = new Writer(first.baseUrl(), staff.accessToken())) {
                // Killed while the subscription copies: nothing has changed at the source.
                post(first, admin.accessToken(), "/api/admin/modules/jobs/move", target);
                awaitFile(reached.resolve("copying"));
                writer.awaitAcknowledged(5);
                killed(first);
                assertThat(markOf(source)).as("the source's mark after a crash while copying").isNull();

                // Restarted at the old place, it serves there; the move resumes and is killed inside its pause.
                var second = start("mark", source, reached, "mark");
                writer.sendTo(second.baseUrl());
                writer.awaitAcknowledged(10);
                post(second, admin.accessToken(), "/api/admin/modules/jobs/move", target);
                awaitFile(reached.resolve("mark"));
                assertThat(source.psql(DATABASE, "SELECT has_table_privilege(" + appRole() + ", 'jobs.job_posting',"
                        + " 'INSERT')")).as("the source's writes revoked inside the pause").isEqualTo("f");
                killed(second);
                assertThat(markOf(source)).as("the source's mark after a crash inside the pause").isNull();

                // Restarted at the old place again: its provisioning gives the source its writes back.
                var third = start("", source, reached, "none");
                writer.sendTo(third.baseUrl());
                writer.awaitAcknowledged(10);
                var status = post(third, admin.accessToken(), "/api/admin/modules/jobs/move", target);
                var done = awaitEnd(third, admin.accessToken(), status);
                assertThat(done).contains("\"state\":\"DONE\"");
                writer.awaitAcknowledged(10);
                writer.close();

                var acknowledged = writer.acknowledged();
                var onTarget = List.of(target.psql(DATABASE, "SELECT title FROM jobs.job_posting WHERE title LIKE 'crash-%'")
                        .split("\n"));
                assertThat(acknowledged).as("writes acknowledged across two crashes").hasSizeGreaterThan(25);
                assertThat(onTarget).as("no write doubled").doesNotHaveDuplicates();
                assertThat(onTarget).as("no acknowledged write lost").containsAll(acknowledged);
                assertThat(markOf(source)).isEqualTo("edumatrix:moved-to 127.0.0.1:" + target.port() + "/" + DATABASE);
                assertThat(source.psql(DATABASE, "SELECT has_table_privilege(" + appRole() + ", 'jobs.job_posting',"
                        + " 'INSERT')")).as("the old place closed to the app role").isEqualTo("f");
                assertThat(onTarget).as("the source holds no write the target lacks").containsAll(List.of(source.psql(
                        DATABASE, "SELECT title FROM jobs.job_posting WHERE title LIKE 'crash-%'").split("\n")));
            }
        }
    }

    private ApplicationProcess start(String name, ThrowawayCluster source, Path reached, String heldAt) throws Exception {
        return harness.start(name, launch -> launch
                .with("spring.profiles.active", "move-crash-probe")
                .with("edumatrix.move-crash-probe.step", heldAt)
                .with("edumatrix.move-crash-probe.reached", reached.resolve(heldAt))
                .with("edumatrix.database.modules.jobs.port", source.port())
                .with("edumatrix.database.modules.jobs.database", DATABASE)
                .with("edumatrix.database.modules.jobs.admin-user", "postgres")
                .with("edumatrix.database.modules.jobs.admin-password", ""));
    }

    private static void killed(ApplicationProcess application) throws InterruptedException {
        assertThat(application.kill()).as("exit code of a JVM killed by SIGKILL").isEqualTo(128 + 9);
    }

    /** The module's app role, by the name the harness's role prefix gave it; the server is the test's alone. */
    private static String appRole() {
        return "(SELECT rolname FROM pg_roles WHERE rolname LIKE '%jobs\\_app')";
    }

    private static String markOf(ThrowawayCluster source) throws Exception {
        var mark = source.psql(DATABASE, "SELECT obj_description('jobs'::regnamespace, 'pg_namespace')");
        return mark.isEmpty() ? null : mark;
    }

    private static String post(ApplicationProcess application, String token, String path, ThrowawayCluster target)
            throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(application.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"127.0.0.1\",\"port\":" + target.port()
                        + ",\"database\":\"" + DATABASE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String awaitEnd(ApplicationProcess application, String token, String location) throws Exception {
        var until = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            var body = HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"RUNNING\"") || Instant.now().isAfter(until)) {
                return body;
            }
            Thread.sleep(200);
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        var until = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.exists(file)) {
            assertThat(Instant.now()).as("the move reached " + file.getFileName()).isBefore(until);
            Thread.sleep(50);
        }
    }

    /** Posts job postings one after another to whichever process it is pointed at, and keeps the acknowledged titles. */
    private static final class Writer implements AutoCloseable {

        private final AtomicReference<String> baseUrl;
        private final String token;
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Writer(String baseUrl, String token) {
            this.baseUrl = new AtomicReference<>(baseUrl);
            this.token = token;
            this.thread = Thread.ofPlatform().name("move-crash-writer").start(this::write);
        }

        void sendTo(String baseUrl) {
            this.baseUrl.set(baseUrl);
        }

        /** Waits until {@code more} writes beyond those acknowledged so far are acknowledged. */
        void awaitAcknowledged(int more) throws InterruptedException {
            var goal = acknowledged.size() + more;
            var until = Instant.now().plus(Duration.ofMinutes(1));
            while (acknowledged.size() < goal) {
                assertThat(Instant.now()).as(goal + " writes acknowledged").isBefore(until);
                Thread.sleep(50);
            }
        }

        List<String> acknowledged() {
            return new ArrayList<>(acknowledged);
        }

        private void write() {
            var closes = Instant.now().plus(30, ChronoUnit.DAYS).toString();
            for (int n = 0; running.get(); n++) {
                var title = "crash-" + n;
                var body = "{\"title\":\"" + title + "\",\"description\":\"d\",\"location\":\"Campus\","
                        + "\"employmentType\":\"PART_TIME\",\"closesAt\":\"" + closes + "\"}";
                try {
                    var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/jobs"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 201) {
                        acknowledged.add(title);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (java.io.IOException e) {
                    // The process was killed or is not up yet: this write is not acknowledged.
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(40));
        }
    }
}
