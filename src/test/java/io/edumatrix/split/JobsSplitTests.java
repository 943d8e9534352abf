package io.edumatrix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's jobs story with the jobs module in a process of its own (ADR 0035, 0036): staff post and open a job
 * and a student applies at B, which verifies their tokens against A's published keys; the job's events reach A's
 * statistics and notifications through the broker; feedback on the job at A is checked against JobsApi over HTTP.
 */
@IntegrationTest
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
}
