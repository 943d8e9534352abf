package io.edumatrix.notifications;

import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.json;
import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The notification API: the list (unread first, then newest, paged across the read/unread boundary), marking read one
 * or all, preferences, devices, and what one member or institution cannot see or touch of another's.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class NotificationsHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;

    @BeforeEach
    void setUp() {
        world = new World(anonymous);
        school = world.institution();
    }

    @Test
    void the_list_is_unread_first_then_newest_and_pages_across_the_read_boundary_without_a_gap(Scenario scenario) {
        var student = school.student();
        var made = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            deliver(scenario, application(student));
            made.add(id(list(student, null, 100).items().getFirst()));
        }
        // made[4] is the newest. Reading the newest and the second oldest leaves three unread, all older than the
        // newest read one: a cursor by id alone would skip it after the last unread item.
        read(student, made.get(4));
        read(student, made.get(1));
        var expected = List.of(made.get(3), made.get(2), made.get(0), made.get(4), made.get(1));

        for (var limit : List.of(1, 2, 3, 4, 5)) {
            var seen = new ArrayList<UUID>();
            String after = null;
            do {
                var page = list(student, after, limit);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
                page.items().forEach(item -> seen.add(id(item)));
                after = page.next();
            } while (after != null);
            assertThat(seen).as("pages of %d", limit).containsExactlyElementsOf(expected);
        }
        assertThat(list(student, null, 2).next()).isEqualTo("unread." + made.get(2));
        assertThat(list(student, "unread." + made.get(0), 1).next()).isEqualTo("read." + made.get(4));
        assertThat(list(student, null, 5).items()).extracting(item -> item.get("read"))
                .containsExactly(false, false, false, true, true);
    }

    @Test
    void read_all_marks_the_callers_own_and_the_broadcasts_and_nobody_elses(Scenario scenario) {
        deliver(scenario, application(school.student()));
        deliver(scenario, application(school.instructor()));
        deliver(scenario, ArticlePublished.of(school.id(), UUID.randomUUID(), school.admin().accountId()));

        school.student().client().post().uri("/api/notifications/read-all").exchange().expectStatus().isNoContent();
        school.student().client().post().uri("/api/notifications/read-all").exchange().expectStatus().isNoContent();

        assertThat(list(school.student(), null, 100).items()).hasSize(2).allSatisfy(n -> assertThat(n.get("read"))
                .isEqualTo(true));
        assertThat(list(school.instructor(), null, 100).items()).hasSize(2).allSatisfy(n -> assertThat(n.get("read"))
                .isEqualTo(false));
    }

    @Test
    void another_members_notification_is_not_found_and_reading_twice_is_no_change(Scenario scenario) {
        deliver(scenario, application(school.student()));
        var id = id(list(school.student(), null, 1).items().getFirst());

        Problem.expect(school.instructor().client().post().uri("/api/notifications/{id}/read", id).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(school.student().client().post().uri("/api/notifications/{id}/read", UUID.randomUUID())
                .exchange(), HttpStatus.NOT_FOUND, "not-found");
        read(school.student(), id);
        read(school.student(), id);
        assertThat(list(school.student(), null, 100).items()).singleElement()
                .satisfies(n -> assertThat(n.get("read")).isEqualTo(true));
    }

    @Test
    void another_institutions_member_sees_none_of_its_notifications_or_broadcasts(Scenario scenario) {
        var elsewhere = world.institution();
        deliver(scenario, ArticlePublished.of(school.id(), UUID.randomUUID(), school.admin().accountId()));
        deliver(scenario, application(school.student()));

        for (var member : List.of(elsewhere.admin(), elsewhere.instructor(), elsewhere.student())) {
            assertThat(list(member, null, 100).items()).isEmpty();
        }
    }

    @Test
    void preferences_are_all_on_by_default_change_by_category_and_reject_what_is_no_category_or_boolean() {
        var client = school.student().client();
        var all = Map.of("ENROLLMENT", true, "APPLICATION", true, "PROPOSAL", true, "CONTRACT", true,
                "ARTICLE", true, "MENTION", true, "FEEDBACK", true, "LESSON", true, "CERTIFICATE", true);
        assertThat(preferences(client.get().uri("/api/notifications/preferences"))).isEqualTo(all);

        var changed = preferences(json(client.put().uri("/api/notifications/preferences"),
                Map.of("MENTION", false, "ARTICLE", false)));
        assertThat(changed).containsEntry("MENTION", false).containsEntry("ARTICLE", false)
                .containsEntry("ENROLLMENT", true).hasSize(9);
        assertThat(preferences(json(client.put().uri("/api/notifications/preferences"), Map.of("MENTION", true))))
                .containsEntry("MENTION", true).containsEntry("ARTICLE", false);
        assertThat(preferences(school.instructor().client().get().uri("/api/notifications/preferences")))
                .as("another member's").isEqualTo(all);

        Problem.expect(json(client.put().uri("/api/notifications/preferences"), Map.of("WEATHER", false)).exchange(),
                HttpStatus.BAD_REQUEST, "malformed-request");
        Problem.expect(json(client.put().uri("/api/notifications/preferences"), "{\"MENTION\": null}").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(json(client.put().uri("/api/notifications/preferences"), "{\"MENTION\": \"maybe\"}").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void a_device_is_registered_without_showing_its_token_and_removed_only_by_its_owner() {
        var client = school.student().client();
        var device = json(client.post().uri("/api/notifications/devices"),
                Map.of("token", "fcm-token-of-the-student", "platform", "ANDROID")).exchange().expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(device).containsKeys("id", "platform", "registeredAt").doesNotContainKey("token");
        assertThat(Outboxes.count("SELECT 1 FROM notifications.device_token WHERE account_id = ?",
                school.student().accountId())).isEqualTo(1);
        assertThat(Outboxes.count("SELECT 1 FROM notifications.device_token"
                + " WHERE position(convert_to('fcm-token-of-the-student', 'UTF8') IN token) > 0")).as("stored sealed")
                .isZero();

        Problem.expect(school.instructor().client().delete().uri("/api/notifications/devices/{id}", device.get("id"))
                .exchange(), HttpStatus.NOT_FOUND, "not-found");
        client.delete().uri("/api/notifications/devices/{id}", device.get("id")).exchange().expectStatus()
                .isNoContent();
        Problem.expect(client.delete().uri("/api/notifications/devices/{id}", device.get("id")).exchange(),
                HttpStatus.NOT_FOUND, "not-found");

        Problem.expect(json(client.post().uri("/api/notifications/devices"), Map.of("token", " ", "platform", "IOS"))
                .exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(json(client.post().uri("/api/notifications/devices"), Map.of("token", "t")).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(json(client.post().uri("/api/notifications/devices"), Map.of("token", "t", "platform", "FAX"))
                .exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void a_bad_cursor_or_limit_is_a_400_and_every_endpoint_needs_a_token() {
        var client = school.student().client();
        for (var after : List.of("nonsense", "read.", "unread.not-a-uuid", "seen." + UUID.randomUUID())) {
            Problem.expect(client.get().uri("/api/notifications?after={after}", after).exchange(),
                    HttpStatus.BAD_REQUEST,
                    "invalid-request");
        }
        Problem.expect(client.get().uri("/api/notifications?limit=0").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(client.get().uri("/api/notifications?limit=101").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");

        for (var request : List.<RestTestClient.RequestHeadersSpec<?>>of(
                anonymous.get().uri("/api/notifications"),
                anonymous.post().uri("/api/notifications/{id}/read", UUID.randomUUID()),
                anonymous.post().uri("/api/notifications/read-all"),
                anonymous.get().uri("/api/notifications/preferences"),
                json(anonymous.put().uri("/api/notifications/preferences"), Map.of()),
                json(anonymous.post().uri("/api/notifications/devices"), Map.of("token", "t", "platform", "WEB")),
                anonymous.delete().uri("/api/notifications/devices/{id}", UUID.randomUUID()))) {
            request.exchange().expectStatus().isUnauthorized();
        }
        // An account of no institution is no member of any.
        Problem.expect(world.outsider().client().get().uri("/api/notifications").exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
    }

    private ApplicationStatusChanged application(Person applicant) {
        return ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), applicant.accountId(),
                "SUBMITTED", "UNDER_REVIEW");
    }

    record NotificationPage(List<Map<String, Object>> items, String next) {}

    private static NotificationPage list(Person person, String after, int limit) {
        var uri = after == null ? "/api/notifications?limit=" + limit : "/api/notifications?limit=" + limit
                + "&after=" + after;
        return person.client().get().uri(uri).exchange().expectStatus().isOk().expectBody(NotificationPage.class)
                .returnResult().getResponseBody();
    }

    private static void read(Person person, UUID id) {
        person.client().post().uri("/api/notifications/{id}/read", id).exchange().expectStatus().isNoContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferences(RestTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
