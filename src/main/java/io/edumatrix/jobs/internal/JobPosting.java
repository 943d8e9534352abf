package io.edumatrix.jobs.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A job offered by an institution. Its poster lives in {@code job_posting_poster} (erasable apart from the posting);
 * {@link JobPostingRepository} reads it along, and never writes it with the posting.
 */
@Table("job_posting")
class JobPosting {

    enum Status { DRAFT, OPEN, CLOSED }

    enum EmploymentType { FULL_TIME, PART_TIME, INTERNSHIP, CONTRACT }

    /** A draft may be opened or dropped (closed); an open posting closes; a closed one stays closed. */
    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class).named("job posting")
            .allow(Status.DRAFT, Status.OPEN, Status.CLOSED)
            .allow(Status.OPEN, Status.CLOSED)
            .build();

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    @ReadOnlyProperty
    private final UUID postedByAccountId;
    private String title;
    private String description;
    private String location;
    private EmploymentType employmentType;
    private Instant closesAt;
    private Status status;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    JobPosting(UUID id, Long version, UUID institutionId, UUID postedByAccountId, String title, String description,
            String location, EmploymentType employmentType, Instant closesAt, Status status, Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.postedByAccountId = postedByAccountId;
        this.title = title;
        this.description = description;
        this.location = location;
        this.employmentType = employmentType;
        this.closesAt = closesAt;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static JobPosting draft(UUID institutionId, UUID postedByAccountId, String title, String description,
            String location, EmploymentType employmentType, Instant closesAt) {
        var now = Times.now();
        return new JobPosting(Ids.next(), null, institutionId, postedByAccountId, title, description, location,
                employmentType, stored(closesAt), Status.DRAFT, now, now);
    }

    /** Fields left null stay as they are. */
    void describe(String newTitle, String newDescription, String newLocation, EmploymentType newType,
            Instant newClosesAt) {
        title = newTitle != null ? newTitle : title;
        description = newDescription != null ? newDescription : description;
        location = newLocation != null ? newLocation : location;
        employmentType = newType != null ? newType : employmentType;
        closesAt = newClosesAt != null ? stored(newClosesAt) : closesAt;
        updatedAt = Times.now();
    }

    /**
     * Moves the posting as {@link #LIFECYCLE} allows; it cannot open once its closing time has passed. Closing an
     * open posting past its closing time is what the sweep would do, and is allowed to whoever comes first.
     */
    void moveTo(Status target, Instant now) {
        LIFECYCLE.check(status, target);
        if (target == Status.OPEN && !now.isBefore(closesAt)) {
            throw JobsProblems.CLOSING_TIME_PASSED.exception("Job posting " + id + " closes at " + closesAt
                    + ", which has passed; set a later closesAt first");
        }
        status = target;
        updatedAt = now;
    }

    /**
     * What the posting is at {@code now}: an open posting is closed from its closing time on, whether or not the sweep
     * has stored that yet.
     */
    Status statusAt(Instant now) {
        return isDueAt(now) ? Status.CLOSED : status;
    }

    /** Open as stored, and its closing time has come: the sweep closes it. */
    boolean isDueAt(Instant now) {
        return status == Status.OPEN && !now.isBefore(closesAt);
    }

    /** Whether applications are taken at {@code now}: open, and before its closing time. */
    boolean takesApplicationsAt(Instant now) {
        return statusAt(now) == Status.OPEN;
    }

    void requireTakesApplicationsAt(Instant now) {
        if (!takesApplicationsAt(now)) {
            throw JobsProblems.POSTING_CLOSED.exception("Job posting " + id + " takes no applications: it is "
                    + statusAt(now) + " and closes at " + closesAt);
        }
    }

    /** A posting described again must be the version the caller read, and not closed (nor past its closing time). */
    void requireDescribable(long expectedVersion, Instant now) {
        if (version != expectedVersion) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Job posting " + id + " is at version " + version + ", not " + expectedVersion);
        }
        if (statusAt(now) == Status.CLOSED) {
            throw JobsProblems.POSTING_CLOSED.exception("Job posting " + id + " is closed and no longer changes");
        }
    }

    /** Run by its poster, or by an admin of its institution (row-level security keeps it to the caller's). */
    boolean isRunBy(Caller caller) {
        return caller.has(Role.INSTITUTION_ADMIN) || caller.accountId().equals(postedByAccountId);
    }

    void requireRunBy(Caller caller, String what) {
        if (!isRunBy(caller)) {
            throw JobsProblems.FORBIDDEN.exception("Only its poster or an institution admin " + what);
        }
    }

    /** The statuses (as read) a listing shows the caller: students the open postings only, staff all, or {@code only}. */
    static List<Status> listedFor(Caller caller, Status only) {
        return (caller.staff() ? Arrays.stream(Status.values()) : Stream.of(Status.OPEN))
                .filter(s -> only == null || s == only).toList();
    }

    /** Staff see every posting of their institution; anyone else an open or closed one, never a draft. */
    boolean isVisibleTo(Caller caller) {
        return caller.staff() || status != Status.DRAFT;
    }

    /** As PostgreSQL keeps it (microseconds), so that the posting answered is the posting read back later. */
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID postedByAccountId() { return postedByAccountId; }
    String title() { return title; }
    String description() { return description; }
    String location() { return location; }
    EmploymentType employmentType() { return employmentType; }
    Instant closesAt() { return closesAt; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
