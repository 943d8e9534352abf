package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.web.PlatformProblems;
import java.util.List;
import java.util.Map;

/** The ways a request to the freelancing module can fail, besides the platform's (not found, transitions, 400s). */
final class FreelancingProblems {

    /** The caller's part in the gig or contract does not allow the change (a freelancer closing the client's gig). */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");
    /** A member sends one proposal per gig; a second one is refused, whatever became of the first. */
    static final ProblemType PROPOSAL_EXISTS = ProblemType.conflict("proposal-exists");
    /** Proposals go to OPEN gigs only; the problem names the gig's state ({@code currentState}). */
    static final ProblemType GIG_NOT_OPEN = ProblemType.ruleViolated("gig-not-open");
    /** A gig takes proposals until its deadline only; the problem names the deadline ({@code deadline}). */
    static final ProblemType GIG_DEADLINE_PASSED = ProblemType.ruleViolated("gig-deadline-passed");
    /** Milestones are added to an ACTIVE contract only; the problem names its state ({@code currentState}). */
    static final ProblemType CONTRACT_NOT_ACTIVE = ProblemType.ruleViolated("contract-not-active");
    /** A completed or cancelled contract's milestones stay as they are; the problem names its state. */
    static final ProblemType CONTRACT_ENDED = ProblemType.ruleViolated("contract-ended");
    /**
     * A contract's milestones together cost at most its price; the problem names the price ({@code price}) and what
     * is left of it ({@code remaining}).
     */
    static final ProblemType MILESTONES_EXCEED_PRICE = ProblemType.ruleViolated("milestones-exceed-price");

    private FreelancingProblems() {}

    /** A field whose value breaks a rule that bean validation cannot see (a currency that must match another's). */
    static DomainException invalid(String field, String message) {
        return PlatformProblems.INVALID_REQUEST.exception("The request has invalid fields")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
