package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A course was created in an institution. Its code, title and description stay in the courses module. */
public record CourseCreated(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID courseId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static CourseCreated of(UUID institutionId, UUID courseId) {
        return new CourseCreated(Ids.next(), Times.now(), VERSION, institutionId, courseId);
    }
}
