package io.edumatrix.jobs.internal;

import static io.edumatrix.jobs.internal.JobsFixtures.OTHER_INSTRUCTOR;
import static io.edumatrix.jobs.internal.JobsFixtures.OTHER_STUDENT;
import static io.edumatrix.jobs.internal.JobsFixtures.POSTER;
import static io.edumatrix.jobs.internal.JobsFixtures.STUDENT;
import static io.edumatrix.jobs.internal.JobsFixtures.application;
import static io.edumatrix.jobs.internal.JobsFixtures.posting;
import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.jobs.internal.JobApplication.Status;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Who applies, who reads an application and who moves it: the rules of {@link JobApplication}. */
@UnitTest
class JobApplicationRulesTests {

    private final JobPosting posting = posting(JobPosting.Status.OPEN);

    @Test
    void only_students_apply_to_job_postings() {
        refusal(() -> JobApplication.requireMayApply(POSTER), JobsProblems.FORBIDDEN);
        assertThatCode(() -> JobApplication.requireMayApply(STUDENT)).doesNotThrowAnyException();
    }

    @Test
    void an_application_is_read_by_its_applicant_and_by_who_runs_its_posting() {
        var application = application(posting, Status.SUBMITTED);

        assertThatCode(() -> application.requireReadableBy(STUDENT, false)).doesNotThrowAnyException();
        assertThatCode(() -> application.requireReadableBy(POSTER, true)).doesNotThrowAnyException();
        refusal(() -> application.requireReadableBy(OTHER_INSTRUCTOR, false), JobsProblems.FORBIDDEN);
    }

    @Test
    void to_another_student_an_application_does_not_exist() {
        refusal(() -> application(posting, Status.SUBMITTED).requireReadableBy(OTHER_STUDENT, false),
                ProblemType.NOT_FOUND);
    }

    @Test
    void the_applicant_withdraws_and_who_runs_the_posting_makes_every_other_move() {
        var withdrawn = application(posting, Status.INTERVIEW);
        withdrawn.moveBy(STUDENT, false, Status.WITHDRAWN);
        var offered = application(posting, Status.INTERVIEW);
        offered.moveBy(POSTER, true, Status.OFFERED);

        assertThat(withdrawn.status()).isEqualTo(Status.WITHDRAWN);
        assertThat(offered.status()).isEqualTo(Status.OFFERED);
        refusal(() -> application(posting, Status.SUBMITTED).moveBy(POSTER, true, Status.WITHDRAWN),
                JobsProblems.FORBIDDEN);
        refusal(() -> application(posting, Status.SUBMITTED).moveBy(STUDENT, false, Status.UNDER_REVIEW),
                JobsProblems.FORBIDDEN);
    }

    @Test
    void an_application_moves_one_step_at_a_time_and_a_finished_one_stays_finished() {
        refusal(() -> application(posting, Status.SUBMITTED).moveBy(POSTER, true, Status.OFFERED),
                ProblemType.INVALID_TRANSITION);
        refusal(() -> application(posting, Status.HIRED).moveBy(POSTER, true, Status.REJECTED),
                ProblemType.INVALID_TRANSITION);
        refusal(() -> application(posting, Status.REJECTED).moveBy(STUDENT, false, Status.WITHDRAWN),
                ProblemType.INVALID_TRANSITION);
    }
}
