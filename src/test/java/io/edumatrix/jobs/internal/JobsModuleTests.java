package io.edumatrix.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.jobs.JobPostingClosed;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The job portal on its own, with the shared platform and none of the other modules' beans: opening a posting
 * announces it, and an institution's deactivation, published as if by the institutions module, closes it.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
// Institutions' schema and outbox, not its beans: the deactivation the scenario publishes leaves through its outbox.
@TestPropertySource(properties = "edumatrix.modules=jobs,institutions")
@IntegrationTest
class JobsModuleTests {

    private final JobPostingService postings;

    JobsModuleTests(@Autowired JobPostingService postings) {
        this.postings = postings;
    }

    @Test
    void an_opened_posting_is_announced_and_closed_by_its_institutions_deactivation(Scenario scenario) {
        var institution = UUID.randomUUID();
        var staff = new Caller(UUID.randomUUID(), Optional.of(institution), Set.of(Role.INSTRUCTOR), Optional.empty());
        var posting = TenantContext.inInstitution(institution, () -> postings.draft(staff, "Tutor", "Tutors algebra",
                "Library", JobPosting.EmploymentType.PART_TIME, Instant.now().plus(Duration.ofDays(7))));

        scenario.stimulate(() -> TenantContext.inInstitution(institution,
                        () -> postings.moveTo(posting.id(), staff, JobPosting.Status.OPEN)))
                .andWaitForEventOfType(JobPosted.class)
                .matching(event -> event.postingId().equals(posting.id()))
                .toArriveAndVerify(event -> assertThat(event.institutionId()).isEqualTo(institution));

        scenario.publish(InstitutionDeactivated.of(institution))
                .andWaitForEventOfType(JobPostingClosed.class)
                .matching(event -> event.postingId().equals(posting.id()))
                .toArriveAndVerify(event -> assertThat(TenantContext.inInstitution(institution,
                        () -> postings.get(posting.id(), staff).status())).isEqualTo(JobPosting.Status.CLOSED));
    }
}
