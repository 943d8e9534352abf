package io.edumatrix.freelancing;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A gig's client accepted a proposal: the gig is awarded and a contract between the two opened. */
public record ProposalAccepted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID proposalId,
        UUID gigId, UUID contractId, UUID clientAccountId, UUID freelancerAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static ProposalAccepted of(UUID institutionId, UUID proposalId, UUID gigId, UUID contractId,
            UUID clientAccountId, UUID freelancerAccountId) {
        return new ProposalAccepted(Ids.next(), Times.now(), VERSION, institutionId, proposalId, gigId, contractId,
                clientAccountId, freelancerAccountId);
    }
}
