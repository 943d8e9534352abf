package io.edumatrix.jobs.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A student's application to a posting, as stored: the cover letter is ciphertext sealed for the applicant. */
@Table("job_application")
class JobApplication {

    enum Status { SUBMITTED, UNDER_REVIEW, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN }

    /** The states in which the process still runs: it can move on, be rejected or be withdrawn. */
    static final EnumSet<Status> OPEN_STATES =
            EnumSet.of(Status.SUBMITTED, Status.UNDER_REVIEW, Status.INTERVIEW, Status.OFFERED);

    static final StateMachine<Status> PROCESS = StateMachine.of(Status.class).named("job application")
            .allow(Status.SUBMITTED, Status.UNDER_REVIEW)
            .allow(Status.UNDER_REVIEW, Status.INTERVIEW)
            .allow(Status.INTERVIEW, Status.OFFERED)
            .allow(Status.OFFERED, Status.HIRED)
            .allowFromEach(OPEN_STATES, Status.REJECTED)
            .allowFromEach(OPEN_STATES, Status.WITHDRAWN)
            .build();

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn COVER_LETTER = SealedColumn.of("job_application", "cover_letter");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID postingId;
    private final UUID applicantAccountId;
    private final byte[] coverLetter;
    private Status status;
    private final Instant submittedAt;
    private Instant updatedAt;

    @PersistenceCreator
    JobApplication(UUID id, Long version, UUID institutionId, UUID postingId, UUID applicantAccountId,
            byte[] coverLetter, Status status, Instant submittedAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.postingId = postingId;
        this.applicantAccountId = applicantAccountId;
        this.coverLetter = coverLetter;
        this.status = status;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
    }

    /** {@code id} is chosen first because the cover letter is sealed for this very row. */
    static JobApplication submit(UUID id, JobPosting posting, UUID applicantAccountId, byte[] coverLetter) {
        var now = Times.now();
        return new JobApplication(id, null, posting.institutionId(), posting.id(), applicantAccountId, coverLetter,
                Status.SUBMITTED, now, now);
    }

    /** Only students apply to job postings. */
    static void requireMayApply(Caller caller) {
        if (!caller.has(Role.STUDENT)) {
            throw JobsProblems.FORBIDDEN.exception("Only students apply to job postings");
        }
    }

    /**
     * An application is read by its applicant and by whoever runs its posting ({@code runsPosting}); other staff are
     * refused, and to other students it does not exist.
     */
    void requireReadableBy(Caller caller, boolean runsPosting) {
        if (isApplicant(caller.accountId()) || caller.staff() && runsPosting) {
            return;
        }
        if (caller.staff()) {
            throw JobsProblems.FORBIDDEN.exception(
                    "Only its poster or an institution admin sees a posting's applications");
        }
        throw DomainException.notFound("Job application", id);
    }

    /** The applicant withdraws; whoever runs the posting ({@code runsPosting}) makes every other move. */
    void moveBy(Caller caller, boolean runsPosting, Status target) {
        if (target == Status.WITHDRAWN ? !isApplicant(caller.accountId()) : !runsPosting) {
            throw JobsProblems.FORBIDDEN.exception(target == Status.WITHDRAWN
                    ? "Only the applicant withdraws an application"
                    : "Only the posting's poster or an institution admin moves an application to " + target);
        }
        moveTo(target);
    }

    boolean isApplicant(UUID accountId) {
        return applicantAccountId.equals(accountId);
    }

    private void moveTo(Status target) {
        status = PROCESS.check(status, target);
        updatedAt = Times.now();
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID postingId() { return postingId; }
    UUID applicantAccountId() { return applicantAccountId; }
    byte[] coverLetter() { return coverLetter; }
    Status status() { return status; }
    Instant submittedAt() { return submittedAt; }
    Instant updatedAt() { return updatedAt; }
}
