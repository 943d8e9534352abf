package io.edumatrix.jobs.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the jobs module can fail, besides a resource that does not exist or a refused transition. */
final class JobsProblems {

    /** The caller's part in the posting does not allow this (not its poster, nor an admin; not a student). */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");
    /** The posting takes no applications (not open, or past its closing time), or no longer changes (closed). */
    static final ProblemType POSTING_CLOSED = ProblemType.ruleViolated("posting-closed");
    /** A posting cannot open once its closing time has passed. */
    static final ProblemType CLOSING_TIME_PASSED = ProblemType.ruleViolated("closing-time-passed");
    static final ProblemType ALREADY_APPLIED = ProblemType.conflict("already-applied");

    private JobsProblems() {}
}
