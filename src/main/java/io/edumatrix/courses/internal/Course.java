package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A course of one institution. Enrollment can be closed, for example when the institution is deactivated. */
@Table("course")
class Course {

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final String code;
    private String title;
    private String description;
    private boolean enrollmentOpen;
    private Integer capacity;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Course(UUID id, Long version, UUID institutionId, String code, String title, String description,
            boolean enrollmentOpen, Integer capacity, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.code = code;
        this.title = title;
        this.description = description;
        this.enrollmentOpen = enrollmentOpen;
        this.capacity = capacity;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new course, open for enrollment, at version 0 as {@link CourseRepository#insertCreated} writes it (not to be
     * passed to {@code save}, which would take it for a stored one).
     */
    static Course create(UUID institutionId, String code, String title, String description, Integer capacity) {
        var now = Times.now();
        return new Course(Ids.next(), 0L, institutionId, code, title, description, true, capacity, now, now);
    }

    /** Null fields stay as they are. */
    void describe(String newTitle, String newDescription, Integer newCapacity) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newCapacity != null) {
            capacity = newCapacity;
        }
        updatedAt = Times.now();
    }

    /**
     * A course with a capacity takes a student only while fewer are active; the caller holds the course's row lock
     * while it counts, so that two enrollments never take the last place both.
     */
    void requireRoomFor(long activeEnrollments) {
        if (capacity != null && activeEnrollments >= capacity) {
            throw CoursesProblems.COURSE_FULL.exception("Course " + id + " has all its " + capacity + " places taken")
                    .with("capacity", capacity);
        }
    }

    /** A course with enrollment closed (its institution deactivated, say) takes no new student. */
    void requireEnrollmentOpen() {
        if (!enrollmentOpen) {
            throw CoursesProblems.ENROLLMENT_CLOSED.exception("Enrollment in course " + id + " is closed");
        }
    }

    UUID id() {
        return id;
    }

    Long version() {
        return version;
    }

    UUID institutionId() {
        return institutionId;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    boolean enrollmentOpen() {
        return enrollmentOpen;
    }

    Integer capacity() {
        return capacity;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
