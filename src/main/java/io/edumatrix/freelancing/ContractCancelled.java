package io.edumatrix.freelancing;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A party cancelled the contract before its completion, and its gig closed. A party whose personal data was erased is
 * null.
 */
public record ContractCancelled(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID contractId,
        UUID gigId, UUID clientAccountId, UUID freelancerAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static ContractCancelled of(UUID institutionId, UUID contractId, UUID gigId, UUID clientAccountId,
            UUID freelancerAccountId) {
        return new ContractCancelled(Ids.next(), Times.now(), VERSION, institutionId, contractId, gigId,
                clientAccountId, freelancerAccountId);
    }
}
