package io.edumatrix.jobs.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.StateMachine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
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

    void moveTo(Status target) {
        status = LIFECYCLE.check(status, target);
        updatedAt = Times.now();
    }

    /** Whether applications are taken at {@code now}: open, and before its closing time. */
    boolean takesApplicationsAt(Instant now) {
        return status == Status.OPEN && now.isBefore(closesAt);
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
