package io.edumatrix.jobs;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student applied to a job posting. The cover letter is personal and stays in the jobs module. */
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, int version, UUID institutionId,
        UUID applicationId, UUID postingId, UUID applicantAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static ApplicationSubmitted of(UUID institutionId, UUID applicationId, UUID postingId,
            UUID applicantAccountId) {
        return new ApplicationSubmitted(Ids.next(), Times.now(), VERSION, institutionId, applicationId, postingId,
                applicantAccountId);
    }
}
