package io.edumatrix.community.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What community holds about a person, in every institution: their memberships (with the rooms they own), their
 * messages, the mentions of them, their read positions and the blocks they made. Erasure deletes their messages (no
 * tombstone: a room reads as if they never wrote), the mentions of them in others' messages, their memberships and
 * read positions, the blocks they made and the blocks of them, and forgets the person's key of this module,
 * so that the bodies' copies in the audit trail and in backups stay unreadable (crypto-shredding). The rooms they own
 * stay, for their other members, without an owner: nobody adds members to such a private room any more.
 */
@Component
class CommunityPersonalData implements PersonalDataHolder {

    private final PersonalCommunityDataRepository data;
    private final ReadPositionRepository positions;
    private final AccountBlockRepository blocks;
    private final PersonalDataVault vault;

    CommunityPersonalData(PersonalCommunityDataRepository data, ReadPositionRepository positions,
            AccountBlockRepository blocks, @Qualifier("community") PersonalDataVault vault) {
        this.data = data;
        this.positions = positions;
        this.blocks = blocks;
        this.vault = vault;
    }

    record MessageData(UUID messageId, UUID institutionId, UUID roomId, String body, Instant createdAt) {}

    record MembershipData(UUID roomId, UUID institutionId, String role, Instant joinedAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "memberships", data.membershipsOf(accountId).stream().map(m -> new MembershipData(m.roomId(),
                        m.institutionId(), m.role(), m.joinedAt())).toList(),
                "messages", data.messagesOf(accountId).stream().map(m -> new MessageData(m.id(), m.institutionId(),
                        m.roomId(), vault.openOrNull(m.authorAccountId(), Message.BODY, m.id(), m.body()),
                        m.createdAt())).toList(),
                "mentionedIn", data.mentionsOf(accountId),
                "readPositions", positions.positionsOf(accountId),
                "blocked", blocks.exportOf(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteMessagesOf(accountId);
        data.deleteMentionsOf(accountId);
        data.deleteMembershipsOf(accountId);
        positions.deletePositionsOf(accountId);
        blocks.deleteBlocksNaming(accountId);
        vault.forget(accountId);
    }
}
