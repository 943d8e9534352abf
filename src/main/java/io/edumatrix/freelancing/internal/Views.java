package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the module answers with: its resources with their personal text opened (null once its writer is erased). */
final class Views {

    private Views() {}

    record GigView(UUID id, UUID institutionId, UUID clientAccountId, String title, String description,
            Money budgetMin, Money budgetMax, Instant deadline, Gig.Status status, long version, Instant createdAt,
            Instant updatedAt) {}

    /** {@code contractId} once the proposal is accepted, null before. */
    record ProposalView(UUID id, UUID gigId, UUID freelancerAccountId, Money price, String message,
            Proposal.Status status, UUID contractId, long version, Instant createdAt, Instant updatedAt) {}

    /** A party whose data was erased is null. */
    record ContractView(UUID id, UUID gigId, UUID proposalId, UUID clientAccountId, UUID freelancerAccountId,
            Money price, Contract.Status status, List<MilestoneView> milestones, long version, Instant createdAt,
            Instant updatedAt) {}

    record MilestoneView(UUID id, UUID contractId, String title, Money amount, LocalDate dueDate,
            Milestone.Status status, long version, Instant createdAt, Instant updatedAt) {}
}
