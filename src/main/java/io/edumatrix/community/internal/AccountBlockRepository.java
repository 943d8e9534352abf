package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Who blocked whom, in the bound institution (or, with a person bound as data subject, theirs in every one). */
interface AccountBlockRepository extends Repository<Message, UUID> {

    @Modifying
    @Query("INSERT INTO account_block (id, institution_id, blocker_account_id, blocked_account_id, blocked_at)"
            + " VALUES (:id, :institutionId, :blocker, :blocked, :at) ON CONFLICT DO NOTHING")
    int block(UUID id, UUID institutionId, UUID blocker, UUID blocked, Instant at);

    @Modifying
    @Query("DELETE FROM account_block WHERE blocker_account_id = :blocker AND blocked_account_id = :blocked")
    int unblock(UUID blocker, UUID blocked);

    @Query("SELECT blocked_account_id FROM account_block WHERE blocker_account_id = :blocker ORDER BY blocked_at, id")
    List<UUID> blockedBy(UUID blocker);

    @Query("SELECT count(*) > 0 FROM account_block WHERE blocker_account_id = :blocker"
            + " AND blocked_account_id = :blocked")
    boolean blocks(UUID blocker, UUID blocked);

    /** Those of {@code accounts} who blocked {@code blocked}. */
    @Query("SELECT blocker_account_id FROM account_block WHERE blocked_account_id = :blocked"
            + " AND blocker_account_id IN (:accounts)")
    List<UUID> blockersAmong(UUID blocked, Collection<UUID> accounts);

    /** For the person's export: only the blocks they made; who blocked them is not theirs to learn. */
    @Query("SELECT institution_id || ':' || blocked_account_id FROM account_block"
            + " WHERE blocker_account_id = :accountId ORDER BY institution_id, blocked_at")
    List<String> exportOf(UUID accountId);

    /** The blocks the person made and the blocks of them (the second through db/community/V3's policy). */
    @Modifying
    @Query("DELETE FROM account_block WHERE blocker_account_id = :accountId OR blocked_account_id = :accountId")
    int deleteBlocksNaming(UUID accountId);
}
