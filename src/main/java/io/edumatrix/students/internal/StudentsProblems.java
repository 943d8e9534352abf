package io.edumatrix.students.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the students module can fail, besides a resource that does not exist. */
final class StudentsProblems {

    /** The caller's part in the profile or post does not allow the change (not its owner or author). */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");
    static final ProblemType PROFILE_EXISTS = ProblemType.conflict("profile-exists");
    static final ProblemType NO_PROFILE = ProblemType.ruleViolated("no-profile");
    static final ProblemType SELF_FOLLOW = ProblemType.ruleViolated("self-follow");

    private StudentsProblems() {}
}
