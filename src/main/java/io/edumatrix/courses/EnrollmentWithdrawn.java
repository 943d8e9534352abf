package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student left a course, or was withdrawn from it by staff. */
public record EnrollmentWithdrawn(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID courseId,
        UUID enrollmentId, UUID studentId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static EnrollmentWithdrawn of(UUID institutionId, UUID courseId, UUID enrollmentId, UUID studentId) {
        return new EnrollmentWithdrawn(Ids.next(), Times.now(), VERSION, institutionId, courseId, enrollmentId,
                studentId);
    }
}
