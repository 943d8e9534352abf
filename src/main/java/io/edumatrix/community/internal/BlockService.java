package io.edumatrix.community.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.institutions.InstitutionsApi;
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
    private final InstitutionsApi institutions;

    BlockService(AccountBlockRepository blocks, InstitutionsApi institutions) {
        this.blocks = blocks;
        this.institutions = institutions;
    }

    /**
     * Blocking twice is blocking once; oneself cannot be blocked. Only a member of the institution can be blocked: any
     * other account is not found, as another institution's resources are (ADR 0012).
     */
    void block(UUID institutionId, UUID blocker, UUID blocked) {
        if (blocker.equals(blocked)) {
            throw CommunityProblems.CANNOT_BLOCK_ONESELF.exception("An account cannot block itself");
        }
        requireMember(blocked);
        blocks.block(Ids.next(), institutionId, blocker, blocked, Times.now());
    }

    /** Unblocking a member not blocked changes nothing; an account outside the institution is not found. */
    void unblock(UUID blocker, UUID blocked) {
        requireMember(blocked);
        blocks.unblock(blocker, blocked);
    }

    private void requireMember(UUID accountId) {
        if (institutions.membershipInCurrentInstitution(accountId).isEmpty()) {
            throw DomainException.notFound("Account", accountId);
        }
    }

    @Transactional(value = "community", readOnly = true)
    List<UUID> blockedBy(UUID blocker) {
        return blocks.blockedBy(blocker);
    }
}
