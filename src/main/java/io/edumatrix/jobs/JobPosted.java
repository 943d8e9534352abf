package io.edumatrix.jobs;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A job posting was opened: students can see it and apply. {@code postedByAccountId} is null for an erased poster. */
public record JobPosted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID postingId,
        UUID postedByAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static JobPosted of(UUID institutionId, UUID postingId, UUID postedByAccountId) {
        return new JobPosted(Ids.next(), Times.now(), VERSION, institutionId, postingId, postedByAccountId);
    }
}
