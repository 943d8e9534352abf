package io.edumatrix.institutions;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An institution was deactivated: nothing new may start in it, such as enrollments. */
public record InstitutionDeactivated(UUID eventId, Instant occurredAt, int version, UUID institutionId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static InstitutionDeactivated of(UUID institutionId) {
        return new InstitutionDeactivated(Ids.next(), Times.now(), VERSION, institutionId);
    }
}
