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

    /** The course's capacity of active enrollments is reached. */
    static final ProblemType COURSE_FULL = ProblemType.ruleViolated("course-full");

    /** Progress is made by students enrolled in the course (or who completed it), not withdrawn or never enrolled. */
    static final ProblemType NOT_ENROLLED = ProblemType.ruleViolated("not-enrolled");
    /** Only a published lesson is completed or watched; {@code currentState} names the lesson's status. */
    static final ProblemType LESSON_NOT_PUBLISHED = ProblemType.ruleViolated("lesson-not-published");
    static final ProblemType NOT_A_VIDEO = ProblemType.ruleViolated("not-a-video");

    private CoursesProblems() {}
}
