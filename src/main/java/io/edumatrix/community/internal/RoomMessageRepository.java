package io.edumatrix.community.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RoomMessageRepository extends ListCrudRepository<Message, UUID> {

    /** Leaves out the messages of anyone the reader blocked. */
    String NOT_BLOCKED = " AND NOT EXISTS (SELECT 1 FROM account_block b WHERE b.blocker_account_id = :reader"
            + " AND b.blocked_account_id = message.author_account_id)";

    /** One page of a room's messages as the reader sees them, newest first, older than {@code before}. */
    @Query("SELECT * FROM message WHERE room_id = :roomId AND id < :before" + NOT_BLOCKED
            + " ORDER BY id DESC LIMIT :limit")
    List<Message> findPageBefore(UUID roomId, UUID before, UUID reader, int limit);

    /** What a reconnecting stream missed: the room's messages after {@code after} as the reader sees them, oldest first. */
    @Query("SELECT * FROM message WHERE room_id = :roomId AND id > :after" + NOT_BLOCKED + " ORDER BY id LIMIT :limit")
    List<Message> findAfter(UUID roomId, UUID after, UUID reader, int limit);

    /** The message, unless its author is blocked by the reader. */
    @Query("SELECT * FROM message WHERE id = :id" + NOT_BLOCKED)
    Optional<Message> findVisible(UUID id, UUID reader);
}
