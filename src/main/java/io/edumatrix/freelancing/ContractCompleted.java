package io.edumatrix.freelancing;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The client accepted the freelancer's delivery: the contract is completed and its gig closed. A party whose personal
 * data was erased is null.
 */
public record ContractCompleted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID contractId,
        UUID gigId, UUID clientAccountId, UUID freelancerAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static ContractCompleted of(UUID institutionId, UUID contractId, UUID gigId, UUID clientAccountId,
            UUID freelancerAccountId) {
        return new ContractCompleted(Ids.next(), Times.now(), VERSION, institutionId, contractId, gigId,
                clientAccountId, freelancerAccountId);
    }
}
