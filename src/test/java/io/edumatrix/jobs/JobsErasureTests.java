package io.edumatrix.jobs;

import static io.edumatrix.platform.testing.Erasures.awaitCompleted;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Erasure in the jobs module: an applicant's applications (and cover letters) go; a poster's postings stay, without a
 * poster, and the institution's admin keeps running them.
 */
@HttpApplicationTest
@IntegrationTest
class JobsErasureTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private JobsApi jobs;

    @Test
    void erasing_the_applicant_deletes_their_application_and_erasing_the_poster_keeps_the_posting_without_them()
            throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var poster = school.instructor();
        var posting = World.jobPosting(poster.client(), "Assistant");
        poster.client().post().uri("/api/jobs/{id}/status", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        var other = world.member(school.admin(), school.id(), "STUDENT");
        for (var applicant : java.util.List.of(school.student(), other)) {
            applicant.client().post().uri("/api/jobs/{id}/applications", posting)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("coverLetter", "Letter")).exchange()
                    .expectStatus().isCreated();
        }
        var exported = school.student().client().get().uri("/api/accounts/me/export").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(String.valueOf(exported.get("modules"))).contains("coverLetter=Letter");
        var posterExport = poster.client().get().uri("/api/accounts/me/export").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(String.valueOf(posterExport.get("modules"))).contains("postedPostings=[" + posting + "]");

        var admin = world.platformAdmin().client();
        for (var person : java.util.List.of(school.student().accountId(), poster.accountId())) {
            var request = admin.post().uri("/api/accounts/{id}/erasure", person).exchange().expectStatus().isAccepted()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id");
            awaitCompleted(admin, request);
        }

        assertThat(count("SELECT count(*) FROM jobs.job_application WHERE applicant_account_id = ?",
                school.student().accountId())).isZero();
        assertThat(count("SELECT count(*) FROM jobs.job_application WHERE applicant_account_id = ?",
                other.accountId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM jobs.job_posting_poster WHERE account_id = ?", poster.accountId()))
                .isZero();
        var institutionAdmin = school.admin().client();
        assertThat(institutionAdmin.get().uri("/api/jobs/{id}", posting).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("postedByAccountId", null).containsEntry("status", "OPEN");
        assertThat(TenantContext.inInstitution(school.id(), () -> jobs.findPosting(posting)))
                .hasValueSatisfying(summary -> assertThat(summary.postedByAccountId()).isNull());
        institutionAdmin.post().uri("/api/jobs/{id}/status", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "CLOSED")).exchange().expectStatus().isOk();
    }
}
