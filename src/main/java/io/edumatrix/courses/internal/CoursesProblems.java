package io.edumatrix.courses.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the courses module can fail, besides a course that does not exist. */
final class CoursesProblems {

    /** A student asks to enroll someone else: students enroll only themselves. */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");
    /** The account to enroll is not a student of the course's institution. */
    static final ProblemType NOT_A_STUDENT = ProblemType.ruleViolated("not-a-student");
    static final ProblemType UNKNOWN_INSTITUTION = ProblemType.ruleViolated("unknown-institution");
    static final ProblemType INACTIVE_INSTITUTION = ProblemType.ruleViolated("inactive-institution");
    static final ProblemType DUPLICATE_CODE = ProblemType.conflict("duplicate-code");
    static final ProblemType ENROLLMENT_CLOSED = ProblemType.ruleViolated("enrollment-closed");
    static final ProblemType ALREADY_ENROLLED = ProblemType.conflict("already-enrolled");

    /** A reorder of a section's lessons must name each of them once, and no lesson of another section or course. */
    static final ProblemType LESSON_ORDER_MISMATCH = ProblemType.ruleViolated("lesson-order-mismatch");

    private CoursesProblems() {}
}
