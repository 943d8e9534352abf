package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One lesson of a course, in a section. Its own aggregate: a course may have hundreds, each changed on its own. What a
 * lesson holds follows from its kind; students see it only once published.
 */
@Table("lesson")
record Lesson(@Id UUID id, @Version Long version, UUID institutionId, UUID courseId, UUID sectionId, String title,
        Kind kind, String body, String url, Integer durationMinutes, String instructions, Instant dueAt, Status status,
        int position, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    enum Kind { TEXT, VIDEO, LINK, ASSIGNMENT }

    enum Status { DRAFT, PUBLISHED, ARCHIVED }

    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class).named("lesson")
            .allow(Status.DRAFT, Status.PUBLISHED)
            .allow(Status.PUBLISHED, Status.ARCHIVED)
            .build();

    /** What a lesson says, as the staff member wrote it; which fields it has depends on the kind. */
    record Content(String title, Kind kind, String body, String url, Integer durationMinutes, String instructions,
            Instant dueAt) {}

    /** A new draft at {@code position} of the section, if its content has what its kind needs and nothing else. */
    static Lesson draft(Section section, int position, Content content) {
        requireFitsKind(content);
        var now = Times.now();
        return new Lesson(Ids.next(), null, section.institutionId(), section.courseId(), section.id(), content.title(),
                content.kind(), content.body(), content.url(), content.durationMinutes(), content.instructions(),
                content.dueAt(), Status.DRAFT, position, now, now, null);
    }

    /** The lesson in {@code next} status, if its life cycle allows it; published lessons keep when they were. */
    Lesson movedTo(Status next) {
        LIFECYCLE.check(status, next);
        var now = Times.now();
        return new Lesson(id, version, institutionId, courseId, sectionId, title, kind, body, url, durationMinutes,
                instructions, dueAt, next, position, createdAt, now, next == Status.PUBLISHED ? now : publishedAt);
    }

    Lesson at(int newPosition) {
        return new Lesson(id, version, institutionId, courseId, sectionId, title, kind, body, url, durationMinutes,
                instructions, dueAt, status, newPosition, createdAt, Times.now(), publishedAt);
    }

    /** A student completes, or watches, only a published lesson. */
    void requireOpenToStudents() {
        if (status != Status.PUBLISHED) {
            throw CoursesProblems.LESSON_NOT_PUBLISHED.exception("Lesson " + id + " is " + status + ", not PUBLISHED")
                    .with("currentState", status.name());
        }
    }

    /** A position watched is reported for a VIDEO lesson only. */
    void requireVideo() {
        if (kind != Kind.VIDEO) {
            throw CoursesProblems.NOT_A_VIDEO.exception("Lesson " + id + " is a " + kind + " lesson, not a VIDEO")
                    .with("kind", kind.name());
        }
    }

    boolean published() {
        return status == Status.PUBLISHED;
    }

    /**
     * A TEXT lesson has a body, a VIDEO a URL and a duration, a LINK a URL, an ASSIGNMENT instructions and a due date;
     * a field of another kind is refused rather than silently kept. Each fault names its field, as a 400 does.
     */
    private static void requireFitsKind(Content c) {
        var errors = new ArrayList<Map<String, String>>();
        required(errors, c.kind() == Kind.TEXT, "body", c.body());
        required(errors, c.kind() == Kind.VIDEO || c.kind() == Kind.LINK, "url", c.url());
        required(errors, c.kind() == Kind.ASSIGNMENT, "instructions", c.instructions());
        required(errors, c.kind() == Kind.ASSIGNMENT, "dueAt", c.dueAt());
        if (c.kind() == Kind.VIDEO && c.durationMinutes() == null) {
            errors.add(Map.of("field", "durationMinutes", "message", "is required for a VIDEO lesson"));
        }
        if (!errors.isEmpty()) {
            throw PlatformProblems.INVALID_REQUEST.exception("The lesson's fields do not fit its kind " + c.kind())
                    .with("errors", List.copyOf(errors));
        }
    }

    private static void required(List<Map<String, String>> errors, boolean ofThisKind, String field, Object value) {
        if (ofThisKind && (value == null || value instanceof String s && s.isBlank())) {
            errors.add(Map.of("field", field, "message", "is required for this kind of lesson"));
        } else if (!ofThisKind && value != null) {
            errors.add(Map.of("field", field, "message", "is not a field of this kind of lesson"));
        }
    }
}
