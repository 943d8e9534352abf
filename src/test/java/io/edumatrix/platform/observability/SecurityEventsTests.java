package io.edumatrix.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every security event is one JSON line in the {@code edumatrix.security} log category, with the account,
 * institution, source address and request id, and a count in the scrape.
 */
@IntegrationTest
@ObservedApplication
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsTests {

    private static final String SOURCE = "127.0.0.1";

    @Autowired
    private RestTestClient http;
    @Autowired
    private ScrapeServer scrapeServer;
    @Autowired
    private JsonMapper json;

    @Test
    void five_wrong_passwords_are_five_login_failed_lines_and_a_locked_out_line_and_are_counted(CapturedOutput output)
            throws Exception {
        var account = new World(http).outsider();
        var identity = Map.of("module", "identity", "application", "edumatrix");
        var before = Scrape.of(scrapeServer);
        var requestIds = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var requestId = "wrong-password-" + UUID.randomUUID();
            requestIds.add(requestId);
            http.post().uri("/api/sessions").header("X-Request-Id", requestId).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", account.email(), "password", "not-the-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
        var after = Scrape.of(scrapeServer);

        var lines = lines(output, "account", account.accountId().toString());
        var failures = lines.stream().filter(line -> "login-failed".equals(line.get("event"))).toList();
        assertThat(failures).extracting(line -> line.get("requestId")).containsExactlyElementsOf(requestIds);
        assertThat(failures).allSatisfy(line -> {
            assertThat(line).containsEntry("module", "identity").containsEntry("reason", "BAD_CREDENTIALS")
                    .containsEntry("source", SOURCE).containsKey("institution");
        });
        assertThat(lines(output, "requestId", requestIds.getFirst())).extracting(line -> line.get("event"))
                .as("a wrong password is a failed login, not also a refusal").containsExactly("login-failed");
        assertThat(lines).filteredOn(line -> "locked-out".equals(line.get("event")))
                .singleElement().satisfies(line -> assertThat(line).containsEntry("requestId", requestIds.getLast()));
        var badCredentials = Map.of("module", "identity", "reason", "BAD_CREDENTIALS");
        assertThat(after.sum("edumatrix_security_login_failures_total", badCredentials)
                - before.sum("edumatrix_security_login_failures_total", badCredentials)).isEqualTo(5.0);
        assertThat(after.sum("edumatrix_security_lockouts_total", identity)
                - before.sum("edumatrix_security_lockouts_total", identity)).isEqualTo(1.0);
    }

    @Test
    void a_refresh_token_presented_twice_is_a_refresh_token_reused_line_and_is_counted(CapturedOutput output)
            throws Exception {
        var person = new World(http).outsider();
        var before = Scrape.of(scrapeServer);
        for (var expected : new int[] {200, 401}) {
            http.post().uri("/api/sessions/refresh").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("refreshToken", person.refreshToken()))
                    .exchange().expectStatus().isEqualTo(expected);
        }

        assertThat(lines(output, "account", person.accountId().toString()))
                .filteredOn(line -> "refresh-token-reused".equals(line.get("event")))
                .singleElement().satisfies(line -> assertThat(line).containsEntry("source", SOURCE));
        var identity = Map.of("module", "identity");
        assertThat(Scrape.of(scrapeServer).sum("edumatrix_security_refresh_token_reuses_total", identity)
                - before.sum("edumatrix_security_refresh_token_reuses_total", identity)).isEqualTo(1.0);
    }

    @Test
    void making_a_member_an_institution_administrator_is_a_privilege_granted_line_and_is_counted(CapturedOutput output)
            throws Exception {
        var admins = Map.of("module", "institutions", "role", "INSTITUTION_ADMIN");
        var before = Scrape.of(scrapeServer).sum("edumatrix_security_privilege_changes_total", admins);

        var institution = new World(http).institution();

        assertThat(lines(output, "account", institution.admin().accountId().toString()))
                .filteredOn(line -> "privilege-granted".equals(line.get("event")))
                .singleElement().satisfies(line -> assertThat(line).containsEntry("role", "INSTITUTION_ADMIN")
                        .containsEntry("institution", institution.id().toString()));
        assertThat(Scrape.of(scrapeServer).sum("edumatrix_security_privilege_changes_total", admins) - before)
                .isEqualTo(1.0);
    }

    @Test
    void a_request_without_a_token_refused_401_is_a_refused_line_with_its_request_id_and_is_counted(
            CapturedOutput output) throws Exception {
        var requestId = "no-token-" + UUID.randomUUID();
        var refused = Map.of("status", "401");
        var before = Scrape.of(scrapeServer).sum("edumatrix_security_refusals_total", refused);

        http.get().uri("/api/institutions").header("X-Request-Id", requestId).exchange().expectStatus().isUnauthorized();

        // The refusal is recorded as the request's observation stops, which may be just after the client has its answer.
        eventually(() -> assertThat(lines(output, "requestId", requestId)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("event", "refused-401").containsEntry("path", "/api/institutions")
                .containsEntry("source", SOURCE)));
        eventually(() -> assertThat(Scrape.of(scrapeServer).sum("edumatrix_security_refusals_total", refused) - before)
                .isEqualTo(1.0));
    }

    @Test
    void naming_another_institution_is_a_refused_404_line_and_a_missing_role_a_refused_403_line_and_both_are_counted(
            CapturedOutput output) throws Exception {
        var world = new World(http);
        var school = world.institution();
        var other = world.institution();
        var before = Scrape.of(scrapeServer);
        var otherRequest = "other-institution-" + UUID.randomUUID();
        var roleRequest = "missing-role-" + UUID.randomUUID();

        school.admin().client().get().uri("/api/institutions/{id}/members", other.id())
                .header("X-Request-Id", otherRequest).exchange().expectStatus().isNotFound();
        school.student().client().get().uri("/api/institutions/{id}/members", school.id())
                .header("X-Request-Id", roleRequest).exchange().expectStatus().isForbidden();

        eventually(() -> assertThat(lines(output, "requestId", roleRequest)).hasSize(1));
        assertThat(lines(output, "requestId", otherRequest)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("event", "refused-404-other-institution")
                .containsEntry("requestedInstitution", other.id().toString()).containsEntry("module", "institutions"));
        assertThat(lines(output, "requestId", roleRequest)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("event", "refused-403").containsEntry("source", SOURCE));
        var after = Scrape.of(scrapeServer);
        for (var status : new String[] {"404", "403"}) {
            var refused = Map.of("status", status, "module", "institutions");
            assertThat(after.sum("edumatrix_security_refusals_total", refused)
                    - before.sum("edumatrix_security_refusals_total", refused)).as(status).isEqualTo(1.0);
        }
    }

    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(assertion);
    }

    /** The JSON objects of the security log's lines whose {@code key} is {@code value}. */
    private List<Map<String, Object>> lines(CapturedOutput output, String key, String value) {
        return output.getAll().lines()
                .filter(line -> line.contains(SecurityLog.CATEGORY) && line.contains("{\"time\""))
                .map(line -> json.readValue(line.substring(line.indexOf("{\"time\"")),
                        new TypeReference<Map<String, Object>>() {}))
                .filter(line -> value.equals(line.get(key)))
                .toList();
    }
}
