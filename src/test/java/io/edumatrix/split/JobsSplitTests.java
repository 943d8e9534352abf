package io.edumatrix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The README's jobs story with the jobs module in a process of its own (ADR 0035, 0036): staff post and open a job
 * and a student applies at B, which verifies their tokens against A's published keys; the job's events reach A's
 * statistics and notifications through the broker; feedback on the job at A is checked against JobsApi over HTTP.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsSplitTests {

    private static SplitProcesses processes;

    @BeforeAll
    static void start() throws Exception {
        processes = new SplitProcesses("jobs");
    }

    @AfterAll
    static void stop() {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void the_jobs_story_works_across_two_processes() {
        var atA = World.onServer(processes.urlA);
        var atB = World.onServer(processes.urlB);
        var school = atA.institution();
        var staffAtB = atB.bearer(school.instructor().accessToken());
        var studentAtB = atB.bearer(school.student().accessToken());

        var posting = World.jobPosting(staffAtB, "Lab assistant");
        Api.ok(Api.post(staffAtB, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
        var application = Api.id(Api.created(Api.post(studentAtB, "/api/jobs/" + posting + "/applications",
                Map.of("coverLetter", "I know my way around a lab"))));
        Api.ok(Api.post(staffAtB, "/api/jobs/applications/" + application + "/status", Map.of("status", "UNDER_REVIEW")));

        Api.created(Api.post(school.student().client(), "/api/feedback",
                Map.of("subjectType", "JOB", "subjectId", posting, "rating", 4)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var overview = Api.read(school.admin().client(), "/api/statistics/institutions/{id}/overview", school.id());
            assertThat((Map<String, Object>) overview.get("jobPostings")).containsEntry("open", 1);
            assertThat((Map<String, Object>) overview.get("applications")).containsEntry("UNDER_REVIEW", 1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var notifications = (List<Map<String, Object>>) Api.read(school.student().client(), "/api/notifications")
                    .get("items");
            assertThat(notifications).anySatisfy(n -> {
                assertThat(n.get("category")).isEqualTo("APPLICATION");
                assertThat(n.get("detail")).isEqualTo("UNDER_REVIEW");
            });
        });
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void the_export_at_a_includes_b_and_an_erasure_at_a_reaches_b_and_is_confirmed_back() {
        var atA = World.onServer(processes.urlA);
        var school = atA.institution();
        var staffAtB = World.onServer(processes.urlB).bearer(school.instructor().accessToken());
        var studentAtB = World.onServer(processes.urlB).bearer(school.student().accessToken());
        var posting = World.jobPosting(staffAtB, "Erasable");
        Api.ok(Api.post(staffAtB, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
        Api.created(Api.post(studentAtB, "/api/jobs/" + posting + "/applications", Map.of("coverLetter", "Mine")));

        var export = (Map<String, Map<String, Object>>) Api.read(school.student().client(), "/api/accounts/me/export")
                .get("modules");
        assertThat((List<Map<String, Object>>) export.get("jobs").get("applications")).as("B's part of the export")
                .singleElement().satisfies(application -> assertThat(application.get("coverLetter")).isEqualTo("Mine"));

        var request = Erasures.request(atA.platformAdmin().client(), school.student().accountId());
        var completed = Erasures.awaitCompleted(atA.platformAdmin().client(), request);

        assertThat((List<Map<String, Object>>) completed.get("modules")).anySatisfy(step -> {
            assertThat(step.get("module")).isEqualTo("jobs");
            assertThat(step.get("confirmedAt")).isNotNull();
        });
        var applications = (List<Map<String, Object>>) Api.read(staffAtB, "/api/jobs/" + posting + "/applications")
                .get("items");
        assertThat(applications).as("the erased applicant's application, deleted at B").isEmpty();
    }

    @Test
    @Order(3)
    void a_record_no_listener_can_read_is_parked_and_the_partition_goes_on() throws Exception {
        var school = World.onServer(processes.urlA).institution();
        var staffAtB = World.onServer(processes.urlB).bearer(school.instructor().accessToken());
        var parked = processes.a.getBean(MeterRegistry.class).counter("edumatrix.events.parked");
        var before = parked.count();

        var poison = new ProducerRecord<String, String>("edumatrix.jobs", "poison", "{\"not\": \"an event\"}");
        poison.headers().add("edumatrix-event-type", "io.edumatrix.jobs.NoSuchEvent".getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, String> kafka = processes.b.getBean(KafkaTemplate.class);
        kafka.send(poison).get(10, TimeUnit.SECONDS);
        open(staffAtB, "After the poison");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(parked.count()).isEqualTo(before + 1);
            assertThat(openPostings(school)).isEqualTo(1);
        });
    }

    @Test
    @Order(4)
    void with_the_broker_down_publications_wait_in_the_outbox_and_arrive_once_it_is_back() throws Exception {
        var school = World.onServer(processes.urlA).institution();
        var staffAtB = World.onServer(processes.urlB).bearer(school.instructor().accessToken());
        processes.stopBroker();
        try {
            open(staffAtB, "While the broker is down");
            var meters = processes.b.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    meters.get("edumatrix.outbox.failed").tag("module", "jobs").gauge().value()
                            + meters.get("edumatrix.outbox.pending").tag("module", "jobs").gauge().value())
                    .as("the publication to the broker, incomplete").isGreaterThanOrEqualTo(1));
            assertThat(openPostings(school)).isZero();
        } finally {
            processes.startBrokerAgain();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(openPostings(school)).isEqualTo(1));
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void public_requests_for_jobs_at_a_are_forwarded_to_b_and_answered_as_b_answers() {
        var atA = World.onServer(processes.urlA);
        var atB = World.onServer(processes.urlB);
        var school = atA.institution();
        var staffAtA = school.instructor().client();
        var posting = World.jobPosting(staffAtA, "Posted through A");
        Api.ok(Api.post(staffAtA, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
        Api.created(Api.post(school.student().client(), "/api/jobs/" + posting + "/applications",
                Map.of("coverLetter", "Sent through A")));

        var staffAtB = atB.bearer(school.instructor().accessToken());
        assertThat(Api.read(staffAtA, "/api/jobs/{id}/applications", posting))
                .isEqualTo(Api.read(staffAtB, "/api/jobs/{id}/applications", posting));
        staffAtA.get().uri("/api/jobs/{id}", posting).header("X-Request-Id", "forwarded-by-a-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "forwarded-by-a-1");

        var outsider = atA.institution().instructor();
        var refusedAtA = outsider.client().get().uri("/api/jobs/{id}", posting).exchange()
                .expectBody(Map.class).returnResult();
        var refusedAtB = atB.bearer(outsider.accessToken()).get().uri("/api/jobs/{id}", posting).exchange()
                .expectBody(Map.class).returnResult();
        assertThat(refusedAtA.getStatus().value()).as("another institution's token, refused").isBetween(400, 499)
                .isEqualTo(refusedAtB.getStatus().value());
        assertThat(refusedAtA.getResponseBody()).containsEntry("type", refusedAtB.getResponseBody().get("type"))
                .containsEntry("detail", refusedAtB.getResponseBody().get("detail"));
        atA.anonymous().get().uri("/api/jobs/{id}", posting).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    @Order(6)
    void a_session_ended_at_a_is_refused_at_b() {
        var school = World.onServer(processes.urlA).institution();
        var student = school.student();
        var studentAtB = World.onServer(processes.urlB).bearer(student.accessToken());
        studentAtB.get().uri("/api/jobs/applications/mine").exchange().expectStatus().isOk();

        student.client().delete().uri("/api/sessions/current").exchange().expectStatus().is2xxSuccessful();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> studentAtB.get().uri("/api/jobs/applications/mine")
                .exchange().expectStatus().isUnauthorized());
        school.instructor().client().get().uri("/api/jobs/applications/mine").exchange().expectStatus().isOk();
    }

    @Test
    @Order(7)
    void with_b_down_a_answers_its_jobs_requests_with_503_and_retry_after() {
        var school = World.onServer(processes.urlA).institution();
        processes.b.close();

        var answer = school.instructor().client().get().uri("/api/jobs/applications/mine").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType("application/problem+json");
        assertThat(Api.body(answer)).containsEntry("type", "https://edumatrix.io/problems/service-unavailable");
        Api.read(school.student().client(), "/api/notifications");
    }

    private static void open(RestTestClient staff, String title) {
        var posting = World.jobPosting(staff, title);
        Api.ok(Api.post(staff, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
    }

    @SuppressWarnings("unchecked")
    private static int openPostings(World.Institution school) {
        var overview = Api.read(school.admin().client(), "/api/statistics/institutions/{id}/overview", school.id());
        return ((Number) ((Map<String, Object>) overview.get("jobPostings")).get("open")).intValue();
    }
}
