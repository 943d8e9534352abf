package io.edumatrix.community.internal;

import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the community module can fail, besides a room or message that does not exist. */
final class CommunityProblems {

    /** The caller's part in the room or message does not allow the change (not its owner or author). */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", Category.FORBIDDEN, "Forbidden");
    /** Posting, reading messages and streaming need a membership of the (public) room: join it first. */
    static final ProblemType NOT_A_MEMBER =
            new ProblemType("not-a-room-member", Category.FORBIDDEN, "Forbidden");
    /** A message mentions accounts that are not members of its room; the problem lists them in {@code accountIds}. */
    static final ProblemType MENTIONS_NOT_MEMBERS = ProblemType.ruleViolated("mentions-not-members");
    /** Joining by oneself is for public rooms; a private room's owner adds its members. */
    static final ProblemType PRIVATE_ROOM = ProblemType.ruleViolated("private-room");
    /** The account to add is not a member of the institution. */
    static final ProblemType NOT_AN_INSTITUTION_MEMBER = ProblemType.ruleViolated("not-an-institution-member");
    /** The owner cannot leave their own room (it would be left without one). */
    static final ProblemType OWNER_CANNOT_LEAVE = ProblemType.ruleViolated("owner-cannot-leave");
    /** An account cannot block itself. */
    static final ProblemType CANNOT_BLOCK_ONESELF = ProblemType.ruleViolated("cannot-block-oneself");
    /** An account (or this instance) holds as many open streams as it may. */
    static final ProblemType TOO_MANY_STREAMS =
            new ProblemType("too-many-streams", Category.TOO_MANY_ATTEMPTS, "Too many streams");

    private CommunityProblems() {}
}
