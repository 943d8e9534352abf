package io.edumatrix.jobs.internal;

import static io.edumatrix.jobs.internal.JobsFixtures.ADMIN;
import static io.edumatrix.jobs.internal.JobsFixtures.NOW;
import static io.edumatrix.jobs.internal.JobsFixtures.OTHER_INSTRUCTOR;
import static io.edumatrix.jobs.internal.JobsFixtures.POSTER;
import static io.edumatrix.jobs.internal.JobsFixtures.STUDENT;
import static io.edumatrix.jobs.internal.JobsFixtures.posting;
import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.jobs.internal.JobPosting.Status;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A job posting's life, its closing time and who runs it: the rules of {@link JobPosting}. */
@UnitTest
class JobPostingRulesTests {

    @Test
    void a_job_posting_past_its_closing_time_is_closed() {
        var posting = posting(Status.OPEN, NOW);

        assertThat(posting.statusAt(NOW.minusNanos(1000))).isEqualTo(Status.OPEN);
        assertThat(posting.statusAt(NOW)).isEqualTo(Status.CLOSED);
        assertThat(posting.isDueAt(NOW)).isTrue();
    }

    @Test
    void a_draft_past_its_closing_time_stays_a_draft_and_is_not_due() {
        var draft = posting(Status.DRAFT, NOW.minus(Duration.ofDays(1)));

        assertThat(draft.statusAt(NOW)).isEqualTo(Status.DRAFT);
        assertThat(draft.isDueAt(NOW)).isFalse();
    }

    @Test
    void a_job_posting_past_its_closing_time_takes_no_applications() {
        assertThat(posting(Status.OPEN).takesApplicationsAt(NOW)).isTrue();
        refusal(() -> posting(Status.OPEN, NOW).requireTakesApplicationsAt(NOW), JobsProblems.POSTING_CLOSED);
        refusal(() -> posting(Status.DRAFT).requireTakesApplicationsAt(NOW), JobsProblems.POSTING_CLOSED);
    }

    @Test
    void a_job_posting_cannot_open_after_its_closing_time() {
        refusal(() -> posting(Status.DRAFT, NOW).moveTo(Status.OPEN, NOW), JobsProblems.CLOSING_TIME_PASSED);
    }

    @Test
    void a_due_posting_closes_once_and_a_closed_one_stays_closed() {
        var due = posting(Status.OPEN, NOW);

        due.moveTo(Status.CLOSED, NOW);

        assertThat(due.status()).isEqualTo(Status.CLOSED);
        assertThat(due.isDueAt(NOW)).isFalse();
        refusal(() -> due.moveTo(Status.CLOSED, NOW), ProblemType.INVALID_TRANSITION);
        refusal(() -> due.moveTo(Status.OPEN, NOW), ProblemType.INVALID_TRANSITION);
    }

    @Test
    void a_closed_posting_or_one_past_its_closing_time_is_not_described_again() {
        refusal(() -> posting(Status.CLOSED).requireDescribable(0, NOW), JobsProblems.POSTING_CLOSED);
        refusal(() -> posting(Status.OPEN, NOW).requireDescribable(0, NOW), JobsProblems.POSTING_CLOSED);
        refusal(() -> posting(Status.OPEN).requireDescribable(4, NOW), PlatformProblems.CONCURRENT_UPDATE);
        assertThatCode(() -> posting(Status.DRAFT).requireDescribable(0, NOW)).doesNotThrowAnyException();
    }

    @Test
    void its_poster_or_an_institution_admin_runs_a_posting_and_nobody_else() {
        var posting = posting(Status.OPEN);

        assertThat(posting.isRunBy(POSTER)).isTrue();
        assertThat(posting.isRunBy(ADMIN)).isTrue();
        assertThat(posting.isRunBy(OTHER_INSTRUCTOR)).isFalse();
        refusal(() -> posting.requireRunBy(STUDENT, "changes a job posting"), JobsProblems.FORBIDDEN);
    }

    @Test
    void students_never_see_a_draft_and_list_only_open_postings() {
        assertThat(posting(Status.DRAFT).isVisibleTo(STUDENT)).isFalse();
        assertThat(posting(Status.CLOSED).isVisibleTo(STUDENT)).isTrue();
        assertThat(posting(Status.DRAFT).isVisibleTo(OTHER_INSTRUCTOR)).isTrue();
        assertThat(JobPosting.listedFor(STUDENT, null)).containsExactly(Status.OPEN);
        assertThat(JobPosting.listedFor(STUDENT, Status.CLOSED)).isEmpty();
        assertThat(JobPosting.listedFor(POSTER, null)).containsExactly(Status.values());
        assertThat(JobPosting.listedFor(POSTER, Status.DRAFT)).containsExactly(Status.DRAFT);
    }
}
