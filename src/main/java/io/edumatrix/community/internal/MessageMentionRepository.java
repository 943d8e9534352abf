package io.edumatrix.community.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Mentions are written once with their message and go with it (ON DELETE CASCADE). */
interface MessageMentionRepository extends Repository<Mention, UUID> {

    @Modifying
    @Query("INSERT INTO message_mention (id, institution_id, message_id, account_id)"
            + " VALUES (:id, :institutionId, :messageId, :accountId)")
    int insert(UUID id, UUID institutionId, UUID messageId, UUID accountId);

    @Query("SELECT * FROM message_mention WHERE message_id IN (:messageIds) ORDER BY id")
    List<Mention> findByMessages(Collection<UUID> messageIds);
}
