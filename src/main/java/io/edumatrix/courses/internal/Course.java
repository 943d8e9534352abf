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
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Course(UUID id, Long version, UUID institutionId, String code, String title, String description,
            boolean enrollmentOpen, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.code = code;
        this.title = title;
        this.description = description;
        this.enrollmentOpen = enrollmentOpen;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Course create(UUID institutionId, String code, String title, String description) {
        var now = Times.now();
        return new Course(Ids.next(), null, institutionId, code, title, description, true, now, now);
    }

    void describe(String newTitle, String newDescription) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        updatedAt = Times.now();
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

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
