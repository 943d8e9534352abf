package io.edumatrix.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.jobs.ApplicationSubmitted;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.jobs.JobPostingClosed;
import io.edumatrix.jobs.internal.JobPosting.EmploymentType;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The module's events, as its services publish them in the caller's institution: JobPosted when a posting opens,
 * JobPostingClosed when it closes (by staff or by the institution's deactivation, once), ApplicationSubmitted per
 * application and ApplicationStatusChanged per move, with the statuses as strings.
 */
@HttpApplicationTest
@RecordApplicationEvents
@IntegrationTest
class JobEventsTests {

    private final JobPostingService postings;
    private final JobApplicationService applications;

    JobEventsTests(@Autowired JobPostingService postings, @Autowired JobApplicationService applications) {
        this.postings = postings;
        this.applications = applications;
    }

    @Test
    void opening_applying_moving_and_closing_are_announced_with_their_ids_and_institution(ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var poster = caller(institution, Role.INSTRUCTOR);
        var student = caller(institution, Role.STUDENT);

        var ids = TenantContext.inInstitution(institution, () -> {
            var posting = draft(poster);
            postings.describe(posting.id(), poster, 0, "Renamed", null, null, null, null);
            postings.moveTo(posting.id(), poster, JobPosting.Status.OPEN);
            var application = applications.apply(posting.id(), student, "Letter");
            applications.moveTo(application.id(), poster, JobApplication.Status.UNDER_REVIEW);
            applications.moveTo(application.id(), student, JobApplication.Status.WITHDRAWN);
            postings.moveTo(posting.id(), poster, JobPosting.Status.CLOSED);
            return new UUID[] {posting.id(), application.id()};
        });
        var posting = ids[0];
        var application = ids[1];

        assertThat(events.stream(JobPosted.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(JobPosted.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.postingId()).isEqualTo(posting);
            assertThat(event.postedByAccountId()).isEqualTo(poster.accountId());
        });
        assertThat(events.stream(ApplicationSubmitted.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(ApplicationSubmitted.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.applicationId()).isEqualTo(application);
            assertThat(event.postingId()).isEqualTo(posting);
            assertThat(event.applicantAccountId()).isEqualTo(student.accountId());
        });
        assertThat(events.stream(ApplicationStatusChanged.class))
                .extracting(ApplicationStatusChanged::fromStatus, ApplicationStatusChanged::toStatus)
                .containsExactly(tuple("SUBMITTED", "UNDER_REVIEW"), tuple("UNDER_REVIEW", "WITHDRAWN"));
        assertThat(events.stream(ApplicationStatusChanged.class)).allSatisfy(event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.applicationId()).isEqualTo(application);
            assertThat(event.postingId()).isEqualTo(posting);
            assertThat(event.applicantAccountId()).isEqualTo(student.accountId());
        });
        assertThat(events.stream(JobPostingClosed.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(JobPostingClosed.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.postingId()).isEqualTo(posting);
        });
    }

    @Test
    void closing_an_institutions_postings_closes_open_ones_and_drafts_once_each_announced_and_again_closes_nothing(
            ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var poster = caller(institution, Role.INSTRUCTOR);
        var drafted = TenantContext.inInstitution(institution, () -> draft(poster).id());
        var opened = TenantContext.inInstitution(institution, () -> {
            var id = draft(poster).id();
            postings.moveTo(id, poster, JobPosting.Status.OPEN);
            return id;
        });
        var closed = TenantContext.inInstitution(institution, () -> {
            var id = draft(poster).id();
            postings.moveTo(id, poster, JobPosting.Status.CLOSED);
            return id;
        });
        var elsewhere = UUID.randomUUID();
        var untouched = TenantContext.inInstitution(elsewhere, () -> draft(caller(elsewhere, Role.INSTRUCTOR)).id());
        var before = events.stream(JobPostingClosed.class).count();

        // What the listener does, in the event's institution (the listener itself runs asynchronously, on a thread
        // whose events this test does not see; JobsDeactivationAndConcurrencyTests covers it end to end).
        assertThat(TenantContext.inInstitution(institution, postings::closeAllOfInstitution)).isEqualTo(2);
        assertThat(TenantContext.inInstitution(institution, postings::closeAllOfInstitution)).isZero();

        assertThat(events.stream(JobPostingClosed.class).skip(before)).extracting(JobPostingClosed::postingId)
                .containsExactly(drafted, opened);
        TenantContext.inInstitution(institution, () -> {
            assertThat(postings.get(drafted, poster).status()).isEqualTo(JobPosting.Status.CLOSED);
            assertThat(postings.get(opened, poster).status()).isEqualTo(JobPosting.Status.CLOSED);
            assertThat(postings.get(closed, poster).version()).isEqualTo(1);
            return null;
        });
        assertThat(TenantContext.inInstitution(elsewhere, () -> postings.get(untouched,
                caller(elsewhere, Role.INSTRUCTOR)).status())).isEqualTo(JobPosting.Status.DRAFT);
    }

    private JobPosting draft(Caller poster) {
        return postings.draft(poster, "Job", "A job", "Here", EmploymentType.CONTRACT,
                Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private static Caller caller(UUID institution, Role role) {
        return new Caller(UUID.randomUUID(), Optional.of(institution), Set.of(role), Optional.empty());
    }
}
