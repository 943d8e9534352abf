package io.edumatrix.courses.internal;

import io.edumatrix.platform.domain.ProblemType;

/** Who may be enrolled. */
final class EnrollmentProblems {

    static final ProblemType NOT_A_STUDENT = ProblemType.ruleViolated("not-a-student");

    private EnrollmentProblems() {}
}
