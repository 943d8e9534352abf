package io.edumatrix.community.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks between members of the bound institution. Blocking is the blocker's own matter: it answers the same whoever
 * the other account is, and nothing about it reaches the blocked one.
 */
@Service
@Transactional("community")
class BlockService {

    private final AccountBlockRepository blocks;

    BlockService(AccountBlockRepository blocks) {
        this.blocks = blocks;
    }

    /** Blocking twice is blocking once; oneself cannot be blocked. */
    void block(UUID institutionId, UUID blocker, UUID blocked) {
        if (blocker.equals(blocked)) {
            throw CommunityProblems.CANNOT_BLOCK_ONESELF.exception("An account cannot block itself");
        }
        blocks.block(Ids.next(), institutionId, blocker, blocked, Times.now());
    }

    /** Unblocking one not blocked changes nothing. */
    void unblock(UUID blocker, UUID blocked) {
        blocks.unblock(blocker, blocked);
    }

    @Transactional(value = "community", readOnly = true)
    List<UUID> blockedBy(UUID blocker) {
        return blocks.blockedBy(blocker);
    }
}
