package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A lesson of a course was published. */
public record LessonPublished(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID courseId,
        UUID lessonId, UUID sectionId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static LessonPublished of(UUID institutionId, UUID courseId, UUID lessonId, UUID sectionId) {
        return new LessonPublished(Ids.next(), Times.now(), VERSION, institutionId, courseId, lessonId, sectionId);
    }
}
