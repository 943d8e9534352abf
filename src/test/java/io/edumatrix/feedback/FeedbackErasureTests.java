package io.edumatrix.feedback;

import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Erasures.awaitCompleted;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A person's erasure as feedback sees it: their ratings and comments go, the summaries no longer count them, everybody
 * else's stay, and their key of the module is forgotten, so the comment's copy in the audit trail stays ciphertext for
 * good.
 */
@HttpApplicationTest
@IntegrationTest
class FeedbackErasureTests {

    @Autowired
    private RestTestClient anonymous;

    @Test
    void an_erased_persons_ratings_and_key_go_and_the_summary_counts_only_the_others() throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var leaver = school.student();
        var stayer = school.instructor().client();
        var platform = "/api/feedback/summary?subjectType=PLATFORM";
        var id = submit(leaver.client(), 1, "Erase me").get("id");
        submit(stayer, 5, "Staying");
        assertThat(read(stayer, platform)).containsEntry("count", 2).containsEntry("average", 3.0);
        assertThat(count("SELECT count(*) FROM feedback.person_key WHERE subject_id = ?", leaver.accountId())).isEqualTo(1);

        var admin = world.platformAdmin().client();
        var request = admin.post().uri("/api/accounts/{id}/erasure", leaver.accountId()).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        awaitCompleted(admin, request);

        assertThat(read(stayer, platform)).containsEntry("count", 1).containsEntry("average", 5.0)
                .containsEntry("distribution", Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 1));
        assertThat(count("SELECT count(*) FROM feedback.feedback WHERE author_account_id = ?", leaver.accountId())).isZero();
        assertThat(count("SELECT count(*) FROM feedback.person_key WHERE subject_id = ?", leaver.accountId())).isZero();
        assertThat(count("SELECT count(*) FROM feedback.feedback WHERE institution_id = ?", school.id()))
                .as("the institution's feedback left: the instructor's").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM feedback.audit_log WHERE row_id = ? AND operation = 'DELETE'",
                String.valueOf(id))).as("the deletion, in the trail").isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> submit(RestTestClient client, int rating, String comment) {
        var body = new HashMap<String, Object>(Map.of("subjectType", "PLATFORM", "rating", rating, "comment", comment));
        return (Map<String, Object>) client.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }
}
