package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student completed a published lesson, for the first time in their enrollment. */
public record LessonCompleted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID courseId,
        UUID lessonId, UUID enrollmentId, UUID studentId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static LessonCompleted of(UUID institutionId, UUID courseId, UUID lessonId, UUID enrollmentId,
            UUID studentId) {
        return new LessonCompleted(Ids.next(), Times.now(), VERSION, institutionId, courseId, lessonId,
                enrollmentId, studentId);
    }
}
