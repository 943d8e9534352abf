package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the freelancing module can fail, besides the platform's (not found, transitions, 400s). */
final class FreelancingProblems {

    /** A member sends one proposal per gig; a second one is refused, whatever became of the first. */
    static final ProblemType PROPOSAL_EXISTS = ProblemType.conflict("proposal-exists");
    /** Proposals go to OPEN gigs only; the problem names the gig's state ({@code currentState}). */
    static final ProblemType GIG_NOT_OPEN = ProblemType.ruleViolated("gig-not-open");
    /** Milestones are added to an ACTIVE contract only; the problem names its state ({@code currentState}). */
    static final ProblemType CONTRACT_NOT_ACTIVE = ProblemType.ruleViolated("contract-not-active");
    /** A completed or cancelled contract's milestones stay as they are; the problem names its state. */
    static final ProblemType CONTRACT_ENDED = ProblemType.ruleViolated("contract-ended");

    private FreelancingProblems() {}
}
