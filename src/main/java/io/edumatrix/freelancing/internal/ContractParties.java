package io.edumatrix.freelancing.internal;

import java.util.UUID;

/**
 * Who does what on a contract: the freelancer delivers (the contract, a milestone); the client accepts a delivery or
 * asks for changes, and adds milestones; either cancels. A party erased since is null and does nothing.
 */
record ContractParties(UUID client, UUID freelancer) {

    static final String CLIENT = "CLIENT";
    static final String FREELANCER = "FREELANCER";

    void requireMayMove(UUID accountId, Contract.Status to) {
        boolean allowed = switch (to) {
            case DELIVERED -> accountId.equals(freelancer);
            case ACTIVE, COMPLETED -> accountId.equals(client);
            case CANCELLED -> accountId.equals(client) || accountId.equals(freelancer);
        };
        if (!allowed) {
            throw FreelancingProblems.FORBIDDEN.exception(to == Contract.Status.DELIVERED
                    ? "Only the freelancer delivers" : "Only the client accepts a delivery or asks for changes");
        }
    }

    void requireMayAddMilestone(UUID accountId) {
        if (!accountId.equals(client)) {
            throw FreelancingProblems.FORBIDDEN.exception("Only the client adds milestones");
        }
    }

    void requireMayMoveMilestone(UUID accountId, Milestone.Status to) {
        if (!accountId.equals(to == Milestone.Status.DELIVERED ? freelancer : client)) {
            throw FreelancingProblems.FORBIDDEN.exception(to == Milestone.Status.DELIVERED
                    ? "Only the freelancer delivers" : "Only the client accepts a milestone");
        }
    }
}
