package io.edumatrix.courses.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the courses module can fail, besides a course that does not exist. */
final class CourseProblems {

    static final ProblemType UNKNOWN_INSTITUTION = ProblemType.ruleViolated("unknown-institution");
    static final ProblemType INACTIVE_INSTITUTION = ProblemType.ruleViolated("inactive-institution");
    static final ProblemType DUPLICATE_CODE = ProblemType.conflict("duplicate-code");
    static final ProblemType ENROLLMENT_CLOSED = ProblemType.ruleViolated("enrollment-closed");
    static final ProblemType ALREADY_ENROLLED = ProblemType.conflict("already-enrolled");

    private CourseProblems() {}
}
