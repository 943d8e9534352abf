package io.edumatrix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.ServiceClientKeyPair;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ADR 0036, the hard case: process B (jobs alone, a JVM of its own, on a database of its own) is killed with SIGKILL during a burst of
 * applications, started again, and the broker is restarted once. Every application B acknowledged (201), and every one
 * it committed, reaches A's statistics exactly once.
 */
@ProcessTest
class JobsCrashSplitTests {

    private static final int POSTINGS = 40;

    @Test
    @SuppressWarnings("unchecked")
    void every_acknowledged_application_arrives_exactly_once_across_a_kill_and_a_broker_restart() throws Exception {
        var ownDatabase = SplitProcesses.createOwnDatabase("jobs");
        var broker = new KafkaBrokerProcess(freePort(), freePort());
        int portA = freePort();
        var others = ConfiguredModules.names().stream().filter(m -> !m.equals("jobs")).toList();
        try (var a = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                .with("edumatrix.modules", String.join(",", others))
                // A calls no JobsApi in this test; B's port changes with every start.
                .with("edumatrix.remote.jobs.url", "http://127.0.0.1:1")
                .with("edumatrix.database.instances", 3)
                .with("edumatrix.events.kafka.resubmit-interval", "2s")
                .with("spring.kafka.bootstrap-servers", broker.bootstrapServers()).start()) {
            var urlA = "http://127.0.0.1:" + portA;
            var school = World.onServer(urlA).institution();
            var b = startB(urlA, broker, ownDatabase, "jobs-b-1");
            try {
                var staffAtB = World.onServer(b.baseUrl()).bearer(school.instructor().accessToken());
                var postings = new ArrayList<UUID>();
                for (int i = 0; i < POSTINGS; i++) {
                    var posting = World.jobPosting(staffAtB, "Burst " + i);
                    Api.ok(Api.post(staffAtB, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
                    postings.add(posting);
                }
                var studentAtB = World.onServer(b.baseUrl()).bearer(school.student().accessToken());
                int acknowledged = 0;
                for (int i = 0; i < POSTINGS; i++) {
                    if (i == POSTINGS / 2) {
                        assertThat(b.kill()).isEqualTo(137);
                    }
                    if (apply(studentAtB, postings.get(i))) {
                        acknowledged++;
                    }
                }
                broker.stop();
                broker.start();
                b = startB(urlA, broker, ownDatabase, "jobs-b-2");

                int expected = acknowledged;
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(submitted(school))
                        .as("applications counted at A").isEqualTo(committedAtB(ownDatabase, school.student().accountId())));
                Thread.sleep(3000);
                assertThat(submitted(school)).as("no application counted twice").isEqualTo(
                        committedAtB(ownDatabase, school.student().accountId())).isGreaterThanOrEqualTo(expected);
                System.out.printf("kill and broker restart: acknowledged %d, committed at B %d, delivered to A %d%n",
                        expected, committedAtB(ownDatabase, school.student().accountId()), submitted(school));
            } finally {
                b.close();
            }
        } finally {
            broker.close();
            SplitProcesses.dropOwnDatabase(ownDatabase);
        }
    }

    private static ApplicationProcess startB(String urlA, KafkaBrokerProcess broker, String database, String log) throws Exception {
        var settings = new java.util.LinkedHashMap<String, Object>(TestDatabase.get().applicationProperties());
        settings.put("edumatrix.modules", "jobs");
        settings.put("edumatrix.database.modules.jobs.database", database);
        settings.put("edumatrix.database.instances", 3);
        settings.put("edumatrix.events.kafka.resubmit-interval", "2s");
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("edumatrix.management.port", 0);
        // A process without identity needs its own key to start (ADR 0035); jobs calls no other module, so A need not
        // know its public half here.
        settings.put("edumatrix.service-client.name", "jobs-b");
        settings.put("edumatrix.service-client.private-key", ServiceClientKeyPair.generate().privatePem());
        ConfiguredModules.names().stream().filter(m -> !m.equals("jobs"))
                .forEach(m -> settings.put("edumatrix.remote." + m + ".url", urlA));
        return ApplicationProcess.start(log, settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    /** Whether B acknowledged the application; a refused or broken connection is no acknowledgement. */
    private static boolean apply(RestTestClient student, UUID posting) {
        try {
            var status = student.post().uri("/api/jobs/{id}/applications", posting)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(Map.of("coverLetter", "Burst")).exchange().returnResult(String.class).getStatus();
            return status.value() == 201;
        } catch (RuntimeException connectionLost) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static int submitted(World.Institution school) {
        var overview = Api.read(school.admin().client(), "/api/statistics/institutions/{id}/overview", school.id());
        return ((Number) ((Map<String, Object>) overview.get("applications")).getOrDefault("SUBMITTED", 0)).intValue();
    }

    private static int committedAtB(String database, UUID student) throws Exception {
        try (var admin = TestDatabase.get().connectAsAdmin(database);
                var query = admin.prepareStatement(
                        "SELECT count(*) FROM jobs.job_application WHERE applicant_account_id = ?")) {
            query.setObject(1, student);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
