package io.edumatrix.feedback.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the feedback module can fail, besides a subject that does not exist or invalid fields. */
final class FeedbackProblems {

    /**
     * A course is rated only by its students enrolled now or who completed it: not by one withdrawn, never enrolled,
     * or teaching it. A rule of the course, not a missing permission: the same account may rate once it has enrolled.
     */
    static final ProblemType NOT_A_LEARNER = ProblemType.ruleViolated("not-a-learner");

    private FeedbackProblems() {}
}
