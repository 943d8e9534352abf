package io.edumatrix.notifications.internal.delivery;

import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.notifications.NotificationPushQueued;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push end to end: a browser subscribes over the API, a notification is made from an event, and the push service
 * started by the test receives a message it verifies (the VAPID token, RFC 8292) and decrypts with the browser's
 * private key (RFC 8291). A push service that says the subscription is gone has it removed; one that is busy or
 * failing is tried again until it takes the message, once.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class PushDeliveryTests {

    private static final Duration PUSHED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private JsonMapper json;

    private World.Institution school;
    private TestPushService pushService;

    @BeforeEach
    void setUp() throws IOException {
        school = new World(anonymous).institution();
        pushService = new TestPushService();
    }

    @AfterEach
    void stopPushService() {
        pushService.close();
    }

    @Test
    void a_notification_reaches_every_browser_of_its_recipient_signed_with_vapid_and_encrypted_for_each(
            Scenario scenario) {
        var laptop = pushService.newBrowser("laptop");
        var phone = pushService.newBrowser("phone");
        subscribe(school.student(), laptop);
        subscribe(school.student(), phone);
        subscribe(school.instructor(), pushService.newBrowser("instructor"));
        var application = UUID.randomUUID();

        deliver(scenario, statusChanged(school.student(), application));

        await().atMost(PUSHED_WITHIN).until(() -> pushService.received().size() == 2);
        var notification = notificationsOf(school.student()).getFirst();
        var publicKey = (String) Api.read(anonymous, "/api/notifications/push-subscriptions/vapid-public-key")
                .get("publicKey");
        assertThat(pushService.received()).extracting(TestPushService.Received::subscription)
                .containsExactlyInAnyOrder("laptop", "phone");
        assertThat(pushService.received()).allSatisfy(received -> {
            assertThat(json.readValue(received.plaintext(), Map.class)).containsEntry("id", notification.get("id"))
                    .containsEntry("category", "APPLICATION").containsEntry("subjectId", application.toString())
                    .containsEntry("detail", "UNDER_REVIEW");
            assertThat(received.vapidPublicKey()).isEqualTo(publicKey);
            assertThat(received.ttl()).isEqualTo("86400");
        });
        assertThat(pushService.refusals()).isEmpty();
    }

    @Test
    void a_subscription_its_push_service_calls_gone_is_removed_and_pushed_no_more(Scenario scenario) {
        var gone = pushService.newBrowser("gone");
        var kept = pushService.newBrowser("kept");
        var goneId = subscribe(school.student(), gone);
        subscribe(school.student(), kept);
        pushService.answerNext("gone", 410);

        deliver(scenario, statusChanged(school.student(), UUID.randomUUID()));
        await().atMost(PUSHED_WITHIN).until(() -> pushService.receivedBy("kept").size() == 1
                && subscriptionCount(goneId) == 0);

        deliver(scenario, statusChanged(school.student(), UUID.randomUUID()));
        await().atMost(PUSHED_WITHIN).until(() -> pushService.receivedBy("kept").size() == 2);
        assertThat(pushService.attempts()).filteredOn("gone"::equals).hasSize(1);
        assertThat(pushService.receivedBy("gone")).isEmpty();
    }

    @Test
    void a_busy_or_failing_push_service_is_tried_again_and_gets_the_message_once(Scenario scenario) {
        subscribe(school.student(), pushService.newBrowser("flaky"));
        pushService.answerNext("flaky", 503, 429);

        deliver(scenario, statusChanged(school.student(), UUID.randomUUID()));

        await().atMost(PUSHED_WITHIN).until(() -> pushService.receivedBy("flaky").size() == 1);
        await().atMost(PUSHED_WITHIN).until(() -> Outboxes.publicationsOf(NotificationPushQueued.class, school.id())
                .stream().allMatch(Outboxes.Publication::completed));
        assertThat(pushService.attempts()).filteredOn("flaky"::equals).hasSize(3);
        assertThat(pushService.receivedBy("flaky")).hasSize(1);
    }

    @Test
    void a_category_whose_push_is_switched_off_is_listed_but_not_pushed(Scenario scenario) {
        subscribe(school.student(), pushService.newBrowser("quiet"));
        var answer = Api.ok(Api.json(school.student().client().put().uri("/api/notifications/preferences/delivery"),
                Map.of("APPLICATION", Map.of("push", false))).exchange());
        assertThat(answer).containsEntry("APPLICATION", Map.of("push", false, "email", "OFF"))
                .containsEntry("MENTION", Map.of("push", true, "email", "OFF"));

        deliver(scenario, statusChanged(school.student(), UUID.randomUUID()));

        assertThat(notificationsOf(school.student())).hasSize(1);
        assertThat(Outboxes.publicationsOf(NotificationPushQueued.class, school.id())).isEmpty();
        assertThat(pushService.attempts()).isEmpty();
    }

    @Test
    void an_endpoint_that_is_not_https_too_long_keys_that_are_no_keys_or_unknown_preferences_are_refused_with_400() {
        var browser = pushService.newBrowser("valid");
        var student = school.student().client();
        for (var endpoint : List.of("http://push.example.com/x", "ftp://push.example.com/x", "not a uri",
                "https://push.example.com/" + "a".repeat(2100), "http://127.0.0.2:1/push/x",
                "https://user@push.example.com/x")) {
            var problem = refuse(student, Map.of("endpoint", endpoint, "keys",
                    Map.of("p256dh", browser.p256dh(), "auth", browser.auth())));
            assertThat(problem).as(endpoint).containsEntry("status", 400);
        }
        var offCurve = browser.p256dh().substring(0, browser.p256dh().length() - 2) + "AA";
        assertThat(refuse(student, Map.of("endpoint", browser.endpoint(), "keys",
                Map.of("p256dh", offCurve, "auth", browser.auth())))).containsEntry("status", 400);
        assertThat(refuse(student, Map.of("endpoint", browser.endpoint(), "keys",
                Map.of("p256dh", browser.p256dh(), "auth", "c2hvcnQ")))).containsEntry("status", 400);
        assertThat(refuse(student, Map.of("endpoint", browser.endpoint()))).containsEntry("status", 400);
        assertThat(Outboxes.count("SELECT 1 FROM notifications.push_subscription WHERE account_id = ?",
                school.student().accountId())).isZero();
        for (var preferences : List.<Object>of(Map.of("APPLICATION", Map.of("email", "WEEKLY")),
                Map.of("NO_SUCH_CATEGORY", Map.of("push", false)), Map.of("APPLICATION", "off"),
                Map.of("APPLICATION", Map.of("push", "maybe")))) {
            Api.json(student.put().uri("/api/notifications/preferences/delivery"), preferences).exchange()
                    .expectStatus().isBadRequest();
        }
    }

    @Test
    void a_subscription_is_removed_by_its_owner_only_and_registering_a_browser_again_keeps_one() {
        var browser = pushService.newBrowser("again");
        subscribe(school.student(), browser);
        var id = subscribe(school.student(), browser);
        assertThat(Outboxes.count("SELECT 1 FROM notifications.push_subscription WHERE account_id = ?",
                school.student().accountId())).isEqualTo(1);

        school.instructor().client().delete().uri("/api/notifications/push-subscriptions/{id}", id).exchange()
                .expectStatus().isNotFound();
        school.student().client().delete().uri("/api/notifications/push-subscriptions/{id}", id).exchange()
                .expectStatus().isNoContent();
        assertThat(subscriptionCount(id)).isZero();
    }

    @Test
    void erasure_removes_the_persons_push_subscriptions_and_delivery_preferences() {
        var id = subscribe(school.student(), pushService.newBrowser("erased"));
        Api.ok(Api.json(school.student().client().put().uri("/api/notifications/preferences/delivery"),
                Map.of("MENTION", Map.of("email", "DAILY"))).exchange());
        var export = Api.read(school.student().client(), "/api/accounts/me/export");
        assertThat(export.toString()).contains(pushService.origin() + "/push/erased");

        Erasures.erase(new World(anonymous).platformAdmin().client(), school.student().accountId());

        assertThat(subscriptionCount(id)).isZero();
        assertThat(Outboxes.count("SELECT 1 FROM notifications.delivery_preference WHERE account_id = ?",
                school.student().accountId())).isZero();
    }

    private UUID subscribe(Person person, TestPushService.Browser browser) {
        return Api.id(Api.created(Api.post(person.client(), "/api/notifications/push-subscriptions", browser.json())));
    }

    private static Map<String, Object> refuse(RestTestClient client, Map<String, Object> body) {
        return client.post().uri("/api/notifications/push-subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isBadRequest().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    private ApplicationStatusChanged statusChanged(Person applicant, UUID application) {
        return ApplicationStatusChanged.of(school.id(), application, UUID.randomUUID(), applicant.accountId(),
                "SUBMITTED", "UNDER_REVIEW");
    }

    private static int subscriptionCount(UUID id) {
        return Outboxes.count("SELECT 1 FROM notifications.push_subscription WHERE id = ?", id);
    }

    private static List<Map<String, Object>> notificationsOf(Person person) {
        return Api.items(Api.read(person.client(), "/api/notifications?limit=100"));
    }
}
