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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move killed with SIGKILL (ADR 0030, ADR 0040): the application process dies once while the move copies, and once
 * inside the pause (the gate closed, the source's writes revoked and its last write applied at the target, the mark not
 * yet made), each time with a writer posting job postings. After each restart with the old location the module serves
 * from the source alone, and the move posted again resumes from the subscription the server kept, to DONE. Every write
 * that was acknowledged is then at the target exactly once, and the source is marked moved and closed to the app role.
 *
 * <p>Server crashes ({@code pg_ctl -m immediate}, ADR 0040's amendment): the target while the move copies, the module's
 * own server while the move copies and inside the pause; and the application killed after the mark, the move then
 * abandoned from the new place. Each time the module serves from one place, no request is answered 500, and the move
 * resumes to DONE or is abandoned leaving no subscription, slot or publication on either server.
 */
@ProcessTest
class ModuleMoveCrashTests {

    private static final String DATABASE = "edumatrix_move";
    /** After the three ports {@link ModuleMoveTests} takes. */
    private static final int PORTS = Integer.getInteger("edumatrix.test.move-ports", 15510) + 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());

    /** Where the probe marks the step it holds at; one per test, deleted after it. */
    @TempDir
    private Path reached;

    @Test
    void a_move_killed_while_copying_and_inside_its_pause_resumes_to_done_with_every_acknowledged_write_once()
            throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical"); var target = ThrowawayCluster.start(PORTS + 1, "logical")) {
            source.execute("postgres", "CREATE DATABASE " + DATABASE);
            target.execute("postgres", "CREATE DATABASE " + DATABASE);
            var first = start("copying", source, "copying");
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
                var second = start("mark", source, "mark");
                writer.sendTo(second.baseUrl());
                writer.awaitAcknowledged(10);
                post(second, admin.accessToken(), "/api/admin/modules/jobs/move", target);
                awaitFile(reached.resolve("mark"));
                assertThat(source.psql(DATABASE, "SELECT has_table_privilege(" + appRole() + ", 'jobs.job_posting',"
                        + " 'INSERT')")).as("the source's writes revoked inside the pause").isEqualTo("f");
                killed(second);
                assertThat(markOf(source)).as("the source's mark after a crash inside the pause").isNull();

                // Restarted at the old place again: its provisioning gives the source its writes back.
                var third = start("", source, "none");
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

    /**
     * A server crashed (pg_ctl -m immediate) while the move copies: first the target, then, on the way back, the server
     * the module serves from. While the target is down the move fails naming it, the module goes on serving from the
     * source, and the move posted again after the target is back resumes to DONE with every acknowledged write there
     * once. While the module's own server is down its requests are answered 503, never 500; the failed move is then
     * abandoned, which leaves no subscription, slot or publication on either server and the module serving where it was.
     */
    @Test
    void a_server_crashed_while_the_move_copies_leaves_the_module_in_one_place_to_resume_or_abandon() throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical"); var target = ThrowawayCluster.start(PORTS + 1, "logical")) {
            crashSafe(source, target);
            var application = start("server-crash", source, "copying");
            var world = World.onServer(application.baseUrl());
            var admin = world.platformAdmin().accessToken();
            try (var writer = new Writer(application.baseUrl(), world.institution().instructor().accessToken())) {
                // The target dies while the move copies: it fails naming the target; the source goes on taking writes.
                var move = post(application, admin, "/api/admin/modules/jobs/move", target);
                awaitFile(reached.resolve("copying"));
                target.crash();
                Files.delete(reached.resolve("copying"));
                var failed = awaitEnd(application, admin, move);
                assertThat(failed).contains("\"state\":\"FAILED\"", "\"phase\":\"copying\"",
                        "the target 127.0.0.1:" + target.port() + "/" + DATABASE + " cannot be reached now");
                writer.awaitAcknowledged(5);
                assertThat(markOf(source)).isNull();
                target.start();
                var resumed = post(application, admin, "/api/admin/modules/jobs/move", target);
                assertThat(awaitEnd(application, admin, resumed)).contains("\"state\":\"DONE\"");
                writer.awaitAcknowledged(5);
                assertThat(markOf(source)).isEqualTo("edumatrix:moved-to 127.0.0.1:" + target.port() + "/" + DATABASE);
                assertEveryAcknowledgedWriteOnceAt(target, writer);
                assertNoReplicationLeft(source, target);

                // Back again; the server the module now serves from dies while the move copies.
                assertThat(call(application, admin, "/api/admin/modules/jobs/old-schema/drop", source).statusCode())
                        .isEqualTo(200);
                Files.writeString(reached.resolve("copying.armed"), "");
                var back = post(application, admin, "/api/admin/modules/jobs/move", source);
                awaitFile(reached.resolve("copying"));
                var unavailable = writer.count(503);
                target.crash();
                writer.awaitStatus(503, unavailable + 1);
                Files.delete(reached.resolve("copying"));
                assertThat(awaitEnd(application, admin, back)).contains("\"state\":\"FAILED\"",
                        "the source 127.0.0.1:" + target.port() + "/" + DATABASE + " cannot be reached now");
                target.start();
                writer.awaitAcknowledged(5);
                var abandoned = call(application, admin, "/api/admin/modules/jobs/move/abandon", source);
                assertThat(abandoned.statusCode()).as(abandoned.body()).isEqualTo(200);
                writer.awaitAcknowledged(5);
                writer.close();
                assertThat(writer.count(500)).as("requests answered 500 while a server was down").isZero();
                assertEveryAcknowledgedWriteOnceAt(target, writer);
                assertNoReplicationLeft(source, target);
                assertThat(source.psql(DATABASE, "SELECT count(*) FROM pg_namespace WHERE nspname = 'jobs'"))
                        .as("the abandoned copy removed").isEqualTo("0");
                assertThat(markOf(target)).as("the module's place unmarked").isNull();
            }
        }
    }

    /**
     * The move's database on each server, committing synchronously: the kit's servers commit asynchronously, and a
     * write acknowledged just before a crash must survive it.
     */
    private static void crashSafe(ThrowawayCluster... clusters) throws SQLException {
        for (var cluster : clusters) {
            cluster.execute("postgres", "CREATE DATABASE " + DATABASE);
            cluster.execute("postgres", "ALTER SYSTEM SET synchronous_commit = on", "SELECT pg_reload_conf()");
        }
    }

    /**
     * The source crashed inside the pause, its writes revoked and its last write applied at the target, the mark not
     * made: the module's callers wait at the closed gate (503 when they wait too long, never 500) until the source is
     * back and has its writes again; the move fails, the module serves from the source, and posted again it is DONE.
     */
    @Test
    void a_source_crashed_inside_the_pause_gets_its_writes_back_before_callers_pass_and_the_move_resumes() throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical"); var target = ThrowawayCluster.start(PORTS + 1, "logical")) {
            crashSafe(source, target);
            var application = start("source-crash", source, "mark");
            var world = World.onServer(application.baseUrl());
            var admin = world.platformAdmin().accessToken();
            try (var writer = new Writer(application.baseUrl(), world.institution().instructor().accessToken())) {
                writer.awaitAcknowledged(5);
                var move = post(application, admin, "/api/admin/modules/jobs/move", target);
                awaitFile(reached.resolve("mark"));
                source.crash();
                Files.delete(reached.resolve("mark"));
                Thread.sleep(3_000);
                source.start();
                assertThat(awaitEnd(application, admin, move)).contains("\"state\":\"FAILED\"",
                        "\"phase\":\"cutting-over\"");
                assertThat(markOf(source)).isNull();
                writer.awaitAcknowledged(10);
                var resumed = post(application, admin, "/api/admin/modules/jobs/move", target);
                assertThat(awaitEnd(application, admin, resumed)).contains("\"state\":\"DONE\"");
                writer.awaitAcknowledged(5);
                writer.close();
                assertThat(writer.count(500)).as("requests answered 500 around the source's crash").isZero();
                assertEveryAcknowledgedWriteOnceAt(target, writer);
                assertNoReplicationLeft(source, target);
            }
        }
    }

    /**
     * Killed after the mark, before the clean-up: the subscription is left at the module's new place and the slot and
     * publication at the old one. The instance restarted at the new place serves from there, and abandoning the move
     * with the old place removes all three, keeping the old schema, marked.
     */
    @Test
    void a_move_killed_after_its_mark_leaves_replication_that_abandoning_it_removes() throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical"); var target = ThrowawayCluster.start(PORTS + 1, "logical")) {
            source.execute("postgres", "CREATE DATABASE " + DATABASE);
            target.execute("postgres", "CREATE DATABASE " + DATABASE);
            var first = start("after-mark", source, "cleaning-up");
            var world = World.onServer(first.baseUrl());
            var admin = world.platformAdmin().accessToken();
            var staff = world.institution().instructor().accessToken();
            post(first, admin, "/api/admin/modules/jobs/move", target);
            awaitFile(reached.resolve("cleaning-up"));
            killed(first);
            assertThat(markOf(source)).isEqualTo("edumatrix:moved-to 127.0.0.1:" + target.port() + "/" + DATABASE);
            assertThat(target.psql(DATABASE, "SELECT count(*) FROM pg_subscription")).as("left at the new place")
                    .isEqualTo("1");
            assertThat(source.psql(DATABASE, "SELECT (SELECT count(*) FROM pg_publication) || ' ' || (SELECT count(*)"
                    + " FROM pg_replication_slots)")).as("left at the old place").isEqualTo("1 1");

            var second = start("at-new-place", target, "none");
            var abandoned = call(second, admin, "/api/admin/modules/jobs/move/abandon", source);
            assertThat(abandoned.statusCode()).as(abandoned.body()).isEqualTo(200);
            assertNoReplicationLeft(source, target);
            assertThat(markOf(source)).as("the old schema kept, marked").startsWith("edumatrix:moved-to");
            try (var writer = new Writer(second.baseUrl(), staff)) {
                writer.awaitAcknowledged(3);
                writer.close();
                assertEveryAcknowledgedWriteOnceAt(target, writer);
            }
        }
    }

    private static void assertEveryAcknowledgedWriteOnceAt(ThrowawayCluster place, Writer writer) throws Exception {
        var found = List.of(place.psql(DATABASE, "SELECT title FROM jobs.job_posting WHERE title LIKE 'crash-%'")
                .split("\n"));
        assertThat(found).as("no write doubled").doesNotHaveDuplicates();
        assertThat(found).as("no acknowledged write lost").containsAll(writer.acknowledged());
    }

    private static void assertNoReplicationLeft(ThrowawayCluster... clusters) throws Exception {
        for (var cluster : clusters) {
            assertThat(cluster.psql(DATABASE, "SELECT (SELECT count(*) FROM pg_subscription) || ' ' || (SELECT count(*)"
                    + " FROM pg_publication) || ' ' || (SELECT count(*) FROM pg_replication_slots)"))
                    .as("subscriptions, publications and slots left at " + cluster.port()).isEqualTo("0 0 0");
        }
    }

    private ApplicationProcess start(String name, ThrowawayCluster source, String heldAt) throws Exception {
        Files.writeString(reached.resolve(heldAt + ".armed"), "");
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
        var response = call(application, token, path, target);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> call(ApplicationProcess application, String token, String path,
            ThrowawayCluster target) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(application.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"127.0.0.1\",\"port\":" + target.port()
                        + ",\"database\":\"" + DATABASE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
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
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
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

        int count(int status) {
            return statuses.computeIfAbsent(status, s -> new AtomicInteger()).get();
        }

        void awaitStatus(int status, int count) throws InterruptedException {
            var until = Instant.now().plus(Duration.ofMinutes(1));
            while (count(status) < count) {
                assertThat(Instant.now()).as(count + " answers " + status).isBefore(until);
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
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
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
