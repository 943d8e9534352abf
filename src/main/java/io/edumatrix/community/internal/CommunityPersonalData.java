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
 * messages and the mentions of them. Erasure deletes their messages (no tombstone: a room reads as if they never
 * wrote), the mentions of them in others' messages and their memberships, and forgets the person's key of this module,
 * so that the bodies' copies in the audit trail and in backups stay unreadable (crypto-shredding). The rooms they own
 * stay, for their other members, without an owner: nobody adds members to such a private room any more.
 */
@Component
class CommunityPersonalData implements PersonalDataHolder {

    private final PersonalCommunityDataRepository data;
    private final PersonalDataVault vault;

    CommunityPersonalData(PersonalCommunityDataRepository data, @Qualifier("community") PersonalDataVault vault) {
        this.data = data;
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
                "mentionedIn", data.mentionsOf(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteMessagesOf(accountId);
        data.deleteMentionsOf(accountId);
        data.deleteMembershipsOf(accountId);
        vault.forget(accountId);
    }
}
