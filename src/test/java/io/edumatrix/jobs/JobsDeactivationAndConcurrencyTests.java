package io.edumatrix.jobs;

import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Across requests and modules: an institution deactivated over HTTP has its postings closed by the jobs module's
 * listener, and concurrent status changes of one application lose none that was answered as applied.
 */
@HttpApplicationTest
@IntegrationTest
class JobsDeactivationAndConcurrencyTests {

    @Autowired
    private RestTestClient anonymous;

    @Test
    void deactivating_an_institution_closes_its_open_postings_and_drafts_but_not_another_institutions() {
        var world = new World(anonymous);
        var school = world.institution();
        var other = world.institution();
        var staff = school.instructor().client();
        var open = World.jobPosting(staff, "Open job");
        status(staff, open, "OPEN");
        var draft = World.jobPosting(staff, "Draft job");
        var elsewhere = World.jobPosting(other.instructor().client(), "Elsewhere");
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
    void of_concurrent_identical_status_changes_of_one_application_exactly_one_is_applied_and_the_others_are_409s()
            throws Exception {
        var school = new World(anonymous).institution();
        var application = applicationIn(school);

        var results = race(application, List.of(school.instructor().client(), school.admin().client()),
                List.of("UNDER_REVIEW", "UNDER_REVIEW", "UNDER_REVIEW", "UNDER_REVIEW", "UNDER_REVIEW", "UNDER_REVIEW"));

        assertThat(results).as("answers").filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(results).filteredOn(a -> a.status() != 200).hasSize(5).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).containsAnyOf("concurrent-update", "invalid-transition");
        });
        assertThat(read(school.instructor().client(), "/api/jobs/applications/" + application))
                .containsEntry("status", "UNDER_REVIEW").containsEntry("version", 1);
    }

    /**
     * Racing moves that may follow each other (UNDER_REVIEW, then REJECTED) or exclude each other (REJECTED first): the
     * changes answered 200 form one chain of versions 1, 2, ..., and the application ends as the last of them says,
     * so no change that was answered as applied has been lost.
     */
    @Test
    void concurrent_different_status_changes_of_one_application_lose_none_that_was_answered_as_applied()
            throws Exception {
        var school = new World(anonymous).institution();
        var application = applicationIn(school);

        var results = race(application, List.of(school.instructor().client(), school.admin().client()),
                List.of("UNDER_REVIEW", "REJECTED", "UNDER_REVIEW", "REJECTED", "UNDER_REVIEW", "REJECTED"));

        var applied = results.stream().filter(a -> a.status() == 200)
                .map(a -> new AbstractMap.SimpleEntry<>(version(a.body()), a.move()))
                .sorted(Map.Entry.comparingByKey()).toList();
        assertThat(applied).as("answers %s", results).isNotEmpty();
        assertThat(applied).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, applied.size()).boxed().toList());
        assertThat(results).filteredOn(a -> a.status() != 200).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).containsAnyOf("concurrent-update", "invalid-transition");
        });
        assertThat(read(school.instructor().client(), "/api/jobs/applications/" + application))
                .containsEntry("status", applied.getLast().getValue()).containsEntry("version", applied.size());
    }

    /** Sends the moves at once, alternating the clients, and returns every answer. */
    private static List<Answer> race(String application, List<RestTestClient> clients, List<String> moves)
            throws Exception {
        var start = new CyclicBarrier(moves.size());
        var answers = new ArrayList<Future<Answer>>();
        try (var threads = Executors.newFixedThreadPool(moves.size())) {
            for (var i = 0; i < moves.size(); i++) {
                var client = clients.get(i % clients.size());
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
        return results;
    }

    private static String applicationIn(World.Institution school) {
        var posting = World.jobPosting(school.instructor().client(), "Contested");
        status(school.instructor().client(), posting, "OPEN");
        return String.valueOf(school.student().client().post().uri("/api/jobs/{id}/applications", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("coverLetter", "Hello")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    private static int version(String body) {
        var matcher = Pattern.compile("\"version\":(\\d+)").matcher(body);
        assertThat(matcher.find()).as("version in %s", body).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    record Answer(String move, int status, String body) {}

    private static void status(RestTestClient client, UUID posting, String status) {
        client.post().uri("/api/jobs/{id}/status", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status)).exchange().expectStatus().isOk();
    }
}
