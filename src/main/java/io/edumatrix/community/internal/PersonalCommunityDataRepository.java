package io.edumatrix.community.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's rows in every institution, for their export and erasure (with the person bound as data subject, the only
 * time row-level security admits rows of several institutions).
 */
interface PersonalCommunityDataRepository extends Repository<Message, UUID> {

    @Query("SELECT * FROM message WHERE author_account_id = :accountId ORDER BY id")
    List<Message> messagesOf(UUID accountId);

    /** The person's memberships, with the rooms they own (role OWNER). */
    @Query("SELECT * FROM room_member WHERE account_id = :accountId ORDER BY id")
    List<RoomMembership> membershipsOf(UUID accountId);

    @Query("SELECT message_id FROM message_mention WHERE account_id = :accountId ORDER BY id")
    List<UUID> mentionsOf(UUID accountId);

    /** Their mentions in the person's messages go with them (ON DELETE CASCADE). */
    @Modifying
    @Query("DELETE FROM message WHERE author_account_id = :accountId")
    int deleteMessagesOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM message_mention WHERE account_id = :accountId")
    int deleteMentionsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM room_member WHERE account_id = :accountId")
    int deleteMembershipsOf(UUID accountId);
}
