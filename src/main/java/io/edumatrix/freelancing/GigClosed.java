package io.edumatrix.freelancing;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A gig takes no more proposals: withdrawn by its client, its contract ended, or its institution deactivated. */
public record GigClosed(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID gigId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static GigClosed of(UUID institutionId, UUID gigId) {
        return new GigClosed(Ids.next(), Times.now(), VERSION, institutionId, gigId);
    }
}
