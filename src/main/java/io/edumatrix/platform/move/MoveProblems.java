package io.edumatrix.platform.move;

import io.edumatrix.platform.domain.ProblemType;

/** Why a move, or the clean-up after one, is refused; each is answered before anything changes. */
final class MoveProblems {

    /** The target cannot be used: unreachable, not empty, without logical WAL, an older PostgreSQL, no superuser. */
    static final ProblemType TARGET_UNSUITABLE = ProblemType.ruleViolated("move-target-unsuitable");

    /** The module's current place cannot be the source of a move: no logical WAL, another instance writing there. */
    static final ProblemType SOURCE_UNSUITABLE = ProblemType.ruleViolated("move-source-unsuitable");

    /** Another move of the module runs, or what was asked does not fit the module's state (drop a live schema). */
    static final ProblemType MOVE_CONFLICT = ProblemType.conflict("move-conflict");

    private MoveProblems() {}
}
