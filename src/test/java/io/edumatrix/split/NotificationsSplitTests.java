package io.edumatrix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.testing.World;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second split (ADR 0035, 0036): notifications, a pure listener, in a process of its own. The jobs story runs at A;
 * the application's new status reaches B through the broker, and the applicant reads the notification at B with the
 * token A issued. A mail B sends asks identity at A for the verified address, with a service token B obtained from A
 * with its own key (no identity at B, no secret shared).
 */
@IntegrationTest
class NotificationsSplitTests {

    private static SplitProcesses processes;

    @BeforeAll
    static void start() throws Exception {
        processes = new SplitProcesses("notifications");
    }

    @AfterAll
    static void stop() {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_applications_new_status_at_a_becomes_the_applicants_notification_at_b() {
        var school = World.onServer(processes.urlA).institution();
        var staff = school.instructor().client();
        var posting = World.jobPosting(staff, "Library helper");
        Api.ok(Api.post(staff, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
        var application = Api.id(Api.created(Api.post(school.student().client(), "/api/jobs/" + posting
                + "/applications", Map.of("coverLetter", "I like books"))));
        Api.ok(Api.post(staff, "/api/jobs/applications/" + application + "/status", Map.of("status", "UNDER_REVIEW")));

        var studentAtB = World.onServer(processes.urlB).bearer(school.student().accessToken());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var items = (List<Map<String, Object>>) Api.read(studentAtB, "/api/notifications").get("items");
            assertThat(items).anySatisfy(n -> {
                assertThat(n.get("category")).isEqualTo("APPLICATION");
                assertThat(n.get("detail")).isEqualTo("UNDER_REVIEW");
            });
        });
    }

    @Test
    void a_notification_mailed_at_once_from_b_reaches_the_address_identity_at_a_has_verified()
            throws MessagingException {
        var school = World.onServer(processes.urlA).institution();
        var student = school.student();
        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(student.email(), 1));
        Api.post(student.client(), "/api/accounts/email-verification", Map.of("token", token))
                .expectStatus().isNoContent();
        var studentAtB = World.onServer(processes.urlB).bearer(student.accessToken());
        Api.ok(Api.json(studentAtB.put().uri("/api/notifications/preferences/delivery"),
                Map.of("APPLICATION", Map.of("email", "IMMEDIATE"))).exchange());

        var staff = school.instructor().client();
        var posting = World.jobPosting(staff, "Archive helper");
        Api.ok(Api.post(staff, "/api/jobs/" + posting + "/status", Map.of("status", "OPEN")));
        var application = Api.id(Api.created(Api.post(student.client(), "/api/jobs/" + posting + "/applications",
                Map.of("coverLetter", "I like archives"))));
        Api.ok(Api.post(staff, "/api/jobs/applications/" + application + "/status", Map.of("status", "UNDER_REVIEW")));

        var mail = await().atMost(Duration.ofSeconds(45)).until(
                () -> TestMailServer.mailsTo(student.email()), mails -> mails.size() >= 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("EduMatrix: Your job application is now under review.");
    }
}
