package io.edumatrix.freelancing;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A member posted a gig, as its client. Title and description are personal and stay here; the event carries ids. */
public record GigPosted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID gigId,
        UUID clientAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static GigPosted of(UUID institutionId, UUID gigId, UUID clientAccountId) {
        return new GigPosted(Ids.next(), Times.now(), VERSION, institutionId, gigId, clientAccountId);
    }
}
