package io.edumatrix.courses;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student completed every published lesson of a course: their enrollment is COMPLETED,
        and its certificate issued. */
public record EnrollmentCompleted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID courseId,
        UUID enrollmentId, UUID studentId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static EnrollmentCompleted of(UUID institutionId, UUID courseId, UUID enrollmentId, UUID studentId) {
        return new EnrollmentCompleted(Ids.next(), Times.now(), VERSION, institutionId, courseId, enrollmentId,
                studentId);
    }
}
