package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student was enrolled in a course. */
public record EnrollmentCreated(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID enrollmentId,
        UUID courseId, UUID studentId) implements DomainEvent {

    public static final int VERSION = 1;

    public static EnrollmentCreated of(UUID institutionId, UUID enrollmentId, UUID courseId, UUID studentId) {
        return new EnrollmentCreated(Ids.next(), Times.now(), VERSION, institutionId, enrollmentId, courseId, studentId);
    }
}
