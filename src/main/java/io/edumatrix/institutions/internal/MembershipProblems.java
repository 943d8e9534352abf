package io.edumatrix.institutions.internal;

import io.edumatrix.platform.domain.ProblemType;

/** What can go wrong when managing an institution's members. */
final class MembershipProblems {

    static final ProblemType UNKNOWN_ACCOUNT = ProblemType.ruleViolated("unknown-account");
    static final ProblemType ALREADY_MEMBER = ProblemType.conflict("already-member");
    static final ProblemType LAST_ADMIN = ProblemType.conflict("last-admin");

    private MembershipProblems() {}
}
