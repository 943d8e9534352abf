package io.edumatrix.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The published API as another module uses it: a posting of the current institution, drafts included, none else. */
@HttpApplicationTest
@IntegrationTest
class JobsApiTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private JobsApi jobs;

    @Test
    void finds_a_posting_of_the_current_institution_drafts_included_and_none_of_another() {
        var world = new World(anonymous);
        var school = world.institution();
        var elsewhere = world.institution();
        var draft = World.jobPosting(school.instructor().client(), "Lab assistant");

        assertThat(TenantContext.inInstitution(school.id(), () -> jobs.findPosting(draft))).contains(
                new JobPostingSummary(draft, school.id(), "Lab assistant", "DRAFT", school.instructor().accountId()));
        assertThat(TenantContext.inInstitution(elsewhere.id(), () -> jobs.findPosting(draft))).isEmpty();
        assertThat(TenantContext.inInstitution(school.id(), () -> jobs.findPosting(UUID.randomUUID()))).isEmpty();
    }
}
