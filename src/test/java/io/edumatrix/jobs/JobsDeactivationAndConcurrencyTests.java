package io.edumatrix.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Across requests and modules: an institution deactivated over HTTP has its postings closed by the jobs module's
 * listener, and concurrent status changes of one application leave exactly one of them applied.
 */
@HttpApplicationTest
class JobsDeactivationAndConcurrencyTests {

    @Autowired
    private RestTestClient anonymous;

    @Test
    void deactivating_an_institution_closes_its_open_postings_and_drafts_but_not_another_institutions() {
        var world = new World(anonymous);
        var school = world.institution();
        var other = world.institution();
        var staff = school.instructor().client();
        var open = created(staff, "Open job");
        status(staff, open, "OPEN");
        var draft = created(staff, "Draft job");
        var elsewhere = created(other.instructor().client(), "Elsewhere");
        status(other.instructor().client(), elsewhere, "OPEN");

        world.platformAdmin().client().post().uri("/api/institutions/{id}/deactivation", school.id()).exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(read(staff, "/api/jobs/" + open)).containsEntry("status", "CLOSED");
            assertThat(read(staff, "/api/jobs/" + draft)).containsEntry("status", "CLOSED");
        });
        assertThat(read(other.instructor().client(), "/api/jobs/" + elsewhere)).containsEntry("status", "OPEN");
        assertThat((List<?>) read(school.student().client(), "/api/jobs").get("items")).isEmpty();
    }

    @Test
    void of_concurrent_status_changes_of_one_application_exactly_one_is_applied_and_the_others_are_409s()
            throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var staff = school.instructor().client();
        var admin = school.admin().client();
        var posting = created(staff, "Contested");
        status(staff, posting, "OPEN");
        var application = String.valueOf(school.student().client().post().uri("/api/jobs/{id}/applications", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("coverLetter", "Hello")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));

        var moves = List.of("UNDER_REVIEW", "REJECTED", "UNDER_REVIEW", "REJECTED", "UNDER_REVIEW", "REJECTED");
        var start = new CyclicBarrier(moves.size());
        var answers = new ArrayList<Future<Answer>>();
        try (var threads = Executors.newFixedThreadPool(moves.size())) {
            for (var i = 0; i < moves.size(); i++) {
                var client = i % 2 == 0 ? staff : admin;
                var move = moves.get(i);
                answers.add(threads.submit(() -> {
                    start.await();
                    var result = client.post().uri("/api/jobs/applications/{id}/status", application)
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", move)).exchange()
                            .returnResult(String.class);
                    return new Answer(move, result.getStatus().value(), result.getResponseBody());
                }));
            }
        }
        var results = new ArrayList<Answer>();
        for (var answer : answers) {
            results.add(answer.get());
        }

        var applied = results.stream().filter(a -> a.status() == 200).toList();
        assertThat(applied).as("applied: %s", results).hasSize(1);
        assertThat(results).filteredOn(a -> a.status() != 200).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).containsAnyOf("concurrent-update", "invalid-transition");
        });
        var now = read(staff, "/api/jobs/applications/" + application);
        assertThat(now).containsEntry("status", applied.getFirst().move()).containsEntry("version", 1);
    }

    record Answer(String move, int status, String body) {}

    private static String created(RestTestClient client, String title) {
        return String.valueOf(client.post().uri("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "description", "A job", "location", "Campus", "employmentType",
                        "INTERNSHIP", "closesAt", Instant.now().plus(10, ChronoUnit.DAYS).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id"));
    }

    private static void status(RestTestClient client, String posting, String status) {
        client.post().uri("/api/jobs/{id}/status", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(RestTestClient client, String uri) {
        return (Map<String, Object>) client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }
}
