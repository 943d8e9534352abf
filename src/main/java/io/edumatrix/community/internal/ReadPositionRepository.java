package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Members' read positions, in the bound institution. */
interface ReadPositionRepository extends Repository<Message, UUID> {

    /** Moves the account's position in the room forward to the message; an older message leaves it where it is. */
    @Modifying
    @Query("INSERT INTO read_position (id, institution_id, room_id, account_id, message_id, read_at)"
            + " VALUES (:id, :institutionId, :roomId, :accountId, :messageId, :at)"
            + " ON CONFLICT (room_id, account_id) DO UPDATE SET message_id = EXCLUDED.message_id,"
            + " read_at = EXCLUDED.read_at WHERE read_position.message_id < EXCLUDED.message_id")
    int advance(UUID id, UUID institutionId, UUID roomId, UUID accountId, UUID messageId, Instant at);

    /**
     * The room's current members whose position is at or past the message, but those the reader blocked (whom the
     * reader no longer hears from), earliest first.
     */
    @Query("SELECT p.account_id, p.read_at FROM read_position p"
            + " JOIN room_member rm ON rm.room_id = p.room_id AND rm.account_id = p.account_id"
            + " WHERE p.room_id = :roomId AND p.message_id >= :messageId AND NOT EXISTS (SELECT 1 FROM account_block b"
            + " WHERE b.blocker_account_id = :reader AND b.blocked_account_id = p.account_id)"
            + " ORDER BY p.read_at, p.account_id")
    List<Reader> readersOf(UUID roomId, UUID messageId, UUID reader);

    /**
     * For each of the rooms the reader is a member of: the messages past their position (or, without one, posted after
     * they joined), not their own and not by anyone they blocked.
     */
    @Query("SELECT rm.room_id, (SELECT count(*) FROM message m WHERE m.room_id = rm.room_id"
            + " AND m.author_account_id <> :reader"
            + " AND (m.id > p.message_id OR (p.message_id IS NULL AND m.created_at > rm.joined_at))"
            + " AND NOT EXISTS (SELECT 1 FROM account_block b WHERE b.blocker_account_id = :reader"
            + " AND b.blocked_account_id = m.author_account_id)) AS unread"
            + " FROM room_member rm LEFT JOIN read_position p ON p.room_id = rm.room_id AND p.account_id = rm.account_id"
            + " WHERE rm.account_id = :reader AND rm.room_id IN (:roomIds)")
    List<Unread> unreadIn(UUID reader, Collection<UUID> roomIds);

    @Query("SELECT * FROM read_position WHERE account_id = :accountId ORDER BY id")
    List<Position> positionsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM read_position WHERE account_id = :accountId")
    int deletePositionsOf(UUID accountId);

    record Reader(UUID accountId, Instant readAt) {}

    record Unread(UUID roomId, long unread) {}

    record Position(UUID id, UUID institutionId, UUID roomId, UUID accountId, UUID messageId, Instant readAt) {}
}
