package io.edumatrix.jobs.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.privacy.SealedColumn;
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

    void moveTo(Status target) {
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
