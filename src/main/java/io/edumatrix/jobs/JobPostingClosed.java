package io.edumatrix.jobs;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A job posting was closed (a draft dropped or an open posting ended): by staff, by its institution's deactivation, or
 * by its closing time passing. Published once per posting.
 */
public record JobPostingClosed(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID postingId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static JobPostingClosed of(UUID institutionId, UUID postingId) {
        return new JobPostingClosed(Ids.next(), Times.now(), VERSION, institutionId, postingId);
    }
}
