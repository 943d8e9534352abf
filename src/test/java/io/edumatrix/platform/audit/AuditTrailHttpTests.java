package io.edumatrix.platform.audit;

import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Changes made over HTTP appear in {@code GET /api/audit} with who made them and in which request; an institution's
 * admin sees only that institution's entries, a platform admin every entry; pages follow each other newest first;
 * security events (logins, failures, lockouts, role changes) are there, and secrets are not.
 */
@HttpApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class AuditTrailHttpTests {

    @Autowired
    private RestTestClient http;

    private World world;
    private World.Institution a;
    private World.Institution b;

    @BeforeAll
    void twoInstitutions() {
        world = new World(http);
        a = world.institution();
        b = world.institution();
    }

    @Test
    void a_course_changed_over_http_is_in_the_trail_with_the_acting_account_and_the_request_id() {
        var course = World.course(a.instructor().client(), a.id(), "AUD1", "Algebra");
        var requestId = "audit-" + UUID.randomUUID();
        a.instructor().client().patch().uri("/api/courses/{id}", course).header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Algebra II")).exchange()
                .expectStatus().isOk();

        var entries = items(trail(a.admin(), "entity=courses.course&id=" + course));

        assertThat(entries).hasSize(2);
        var change = entries.getFirst();
        assertThat(change).containsEntry("entity", "courses.course").containsEntry("operation", "UPDATE")
                .containsEntry("rowId", course.toString()).containsEntry("institutionId", a.id().toString())
                .containsEntry("accountId", a.instructor().accountId().toString()).containsEntry("requestId", requestId);
        assertThat(((Number) change.get("transactionId")).longValue()).isPositive();
        assertThat(change.get("occurredAt")).isNotNull();
        assertThat(values(change, "oldValues")).containsEntry("title", "Algebra");
        assertThat(values(change, "newValues")).containsEntry("title", "Algebra II");
        assertThat(entries.get(1)).containsEntry("operation", "INSERT").containsEntry("oldValues", null);
        assertThat(values(entries.get(1), "newValues")).containsEntry("code", "AUD1");
    }

    @Test
    void another_institutions_admin_sees_none_of_an_institutions_entries_and_a_platform_admin_sees_them() {
        var course = World.course(a.instructor().client(), a.id(), "AUD2", "Geometry");

        assertThat(items(trail(b.admin(), "entity=courses.course&id=" + course))).isEmpty();
        assertThat(items(trail(b.admin(), "entity=courses.course&limit=100")))
                .allSatisfy(entry -> assertThat(entry).containsEntry("institutionId", b.id().toString()));
        assertThat(items(trail(b.admin(), "entity=institutions.institution&id=" + a.id()))).as("a global table's entries")
                .isEmpty();

        assertThat(items(trail(world.platformAdmin(), "entity=courses.course&id=" + course))).hasSize(1)
                .allSatisfy(entry -> assertThat(entry).containsEntry("institutionId", a.id().toString()));
        assertThat(items(trail(world.platformAdmin(), "entity=institutions.institution&id=" + a.id())))
                .isNotEmpty().allSatisfy(entry -> assertThat(entry).containsEntry("institutionId", null));
    }

    @Test
    void pages_follow_each_other_newest_first_by_a_cursor() {
        var course = World.course(a.instructor().client(), a.id(), "AUD3", "Title 0");
        for (int i = 1; i <= 4; i++) {
            a.instructor().client().patch().uri("/api/courses/{id}", course).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("title", "Title " + i)).exchange().expectStatus().isOk();
        }

        var titles = new ArrayList<Object>();
        var ids = new ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var page = trail(a.admin(), "entity=courses.course&id=" + course + "&limit=2"
                    + (cursor == null ? "" : "&after=" + cursor));
            var items = items(page);
            assertThat(items).hasSizeBetween(1, 2);
            items.forEach(entry -> {
                titles.add(values(entry, "newValues").get("title"));
                ids.add(((Number) entry.get("id")).longValue());
            });
            cursor = (String) page.get("next");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(titles).containsExactly("Title 4", "Title 3", "Title 2", "Title 1", "Title 0");
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void only_admins_read_the_trail() {
        a.instructor().client().get().uri("/api/audit?entity=courses.course").exchange().expectStatus().isForbidden();
        a.student().client().get().uri("/api/audit?entity=courses.course").exchange().expectStatus().isForbidden();
        world.anonymous().get().uri("/api/audit?entity=courses.course").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void bad_parameters_are_an_invalid_request_problem_naming_the_parameter() {
        var cases = Map.of(
                "entity=nosuch.course", "entity",
                "entity=courses.nosuch", "entity",
                "entity=courses.event_inbox", "entity",
                "entity=Courses;drop", "entity",
                "entity=courses.course&id=not%20an%20id", "id",
                "entity=courses.course&id=" + "x".repeat(201), "id",
                "entity=courses&id=" + UUID.randomUUID(), "id",
                "entity=courses.course&after=not-a-cursor", "after",
                "entity=courses.course&limit=0", "limit",
                "entity=courses.course&limit=101", "limit");
        cases.forEach((query, parameter) -> {
            var problem = a.admin().client().get().uri("/api/audit?" + query).exchange().expectStatus().isBadRequest()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(problem).as(query).containsEntry("type", "https://edumatrix.io/problems/invalid-request");
            assertThat(problem.get("errors")).as(query).asString().contains("field=" + parameter);
        });
        a.admin().client().get().uri("/api/audit").exchange().expectStatus().isBadRequest();
    }

    @Test
    void logins_failed_logins_and_lockouts_are_in_identitys_trail_for_a_platform_admin_only() {
        var person = world.outsider();
        var success = "login-ok-" + UUID.randomUUID();
        login(person.email(), World.PASSWORD, success).expectStatus().isOk();
        var failures = new HashSet<String>();
        for (int i = 0; i < 6; i++) {
            var requestId = "login-bad-" + i + "-" + UUID.randomUUID();
            failures.add(requestId);
            login(person.email(), "wrong password " + i, requestId).expectStatus().value(status ->
                    assertThat(status).isIn(401, 429));
        }
        var admin = world.platformAdmin();

        var attempts = all(admin, "identity.login_attempt");
        assertThat(attempts).filteredOn(byRequest(success)).singleElement()
                .satisfies(entry -> assertThat(values(entry, "newValues")).containsEntry("outcome", "SUCCESS"));
        assertThat(attempts).filteredOn(entry -> failures.contains(entry.get("requestId"))).hasSize(6)
                .extracting(entry -> values(entry, "newValues").get("outcome"))
                .contains("BAD_CREDENTIALS", "LOCKED");
        assertThat(all(admin, "identity.login_lockout")).filteredOn(entry -> failures.contains(entry.get("requestId")))
                .isNotEmpty().allSatisfy(entry -> assertThat(values(entry, "newValues")).containsKey("locked_until"));
        assertThat(all(admin, "identity.session_family")).filteredOn(byRequest(success)).hasSize(1);

        assertThat(items(trail(a.admin(), "entity=identity.login_attempt&limit=100"))).isEmpty();
    }

    @Test
    void a_membership_role_change_is_in_the_institutions_trail() {
        var member = world.member(a.admin(), a.id(), "STUDENT");
        var requestId = "promote-" + UUID.randomUUID();
        a.admin().client().patch().uri("/api/institutions/{id}/members/{account}", a.id(), member.accountId())
                .header("X-Request-Id", requestId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "INSTRUCTOR")).exchange().expectStatus().isOk();

        assertThat(all(a.admin(), "institutions.membership")).filteredOn(byRequest(requestId)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry).containsEntry("operation", "UPDATE")
                            .containsEntry("accountId", a.admin().accountId().toString())
                            .containsEntry("institutionId", a.id().toString());
                    assertThat(values(entry, "oldValues")).containsEntry("role", "STUDENT")
                            .containsEntry("account_id", member.accountId().toString());
                    assertThat(values(entry, "newValues")).containsEntry("role", "INSTRUCTOR");
                });
    }

    @Test
    void secrets_never_reach_the_trail() {
        var admin = world.platformAdmin();
        world.outsider();
        admin.client().post().uri("/api/identity/signing-keys/rotation").exchange().expectStatus().is2xxSuccessful();

        assertNoneHas(admin, "identity.account", "password_hash");
        assertNoneHas(admin, "identity.refresh_token", "token_hash");
        assertNoneHas(admin, "identity.signing_key", "wrapped_private_key");
    }

    private void assertNoneHas(Person admin, String entity, String column) {
        var entries = all(admin, entity);
        assertThat(entries).as(entity).isNotEmpty();
        for (var entry : entries) {
            for (var side : List.of("oldValues", "newValues")) {
                if (entry.get(side) != null) {
                    assertThat(values(entry, side)).as("%s %s", entity, side).isNotEmpty().doesNotContainKey(column);
                }
            }
        }
    }

    private RestTestClient.ResponseSpec login(String email, String password, String requestId) {
        return world.anonymous().post().uri("/api/sessions").header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", email, "password", password)).exchange();
    }

    /** The newest entries of an entity, up to 100. */
    private static List<Map<String, Object>> all(Person reader, String entity) {
        return items(trail(reader, "entity=" + entity + "&limit=100"));
    }

    /** A page of the audit trail, as the reader sees it. */
    private static Map<String, Object> trail(Person reader, String query) {
        return read(reader.client(), "/api/audit?" + query);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> entry, String side) {
        return (Map<String, Object>) entry.get(side);
    }

    private static Predicate<Map<String, Object>> byRequest(String requestId) {
        return entry -> requestId.equals(entry.get("requestId"));
    }
}
