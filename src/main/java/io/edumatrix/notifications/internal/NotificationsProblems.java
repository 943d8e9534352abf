package io.edumatrix.notifications.internal;

import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.domain.ProblemType.Category;

/** The ways a request to the notifications module can fail, besides a notification or device that does not exist. */
final class NotificationsProblems {

    /** An account holds as many open notification streams on this instance as it may (as community's rooms). */
    static final ProblemType TOO_MANY_STREAMS =
            new ProblemType("too-many-streams", Category.TOO_MANY_ATTEMPTS, "Too many streams");

    private NotificationsProblems() {}
}
