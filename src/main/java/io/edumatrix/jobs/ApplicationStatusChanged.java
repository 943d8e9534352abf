package io.edumatrix.jobs;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A job application moved from one status to another (SUBMITTED, UNDER_REVIEW, INTERVIEW, OFFERED, HIRED, REJECTED,
 * WITHDRAWN), by staff or, to WITHDRAWN, by the applicant.
 */
public record ApplicationStatusChanged(UUID eventId, Instant occurredAt, int version, UUID institutionId,
        UUID applicationId, UUID postingId, UUID applicantAccountId, String fromStatus, String toStatus)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static ApplicationStatusChanged of(UUID institutionId, UUID applicationId, UUID postingId,
            UUID applicantAccountId, String fromStatus, String toStatus) {
        return new ApplicationStatusChanged(Ids.next(), Times.now(), VERSION, institutionId, applicationId, postingId,
                applicantAccountId, fromStatus, toStatus);
    }
}
