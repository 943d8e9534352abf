package io.edumatrix.community.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RoomMessageRepository extends ListCrudRepository<Message, UUID> {

    /** One page of a room's messages, newest first, older than {@code before}. */
    @Query("SELECT * FROM message WHERE room_id = :roomId AND id < :before ORDER BY id DESC LIMIT :limit")
    List<Message> findPageBefore(UUID roomId, UUID before, int limit);

    /** What a reconnecting stream missed: the room's messages after {@code after}, oldest first. */
    @Query("SELECT * FROM message WHERE room_id = :roomId AND id > :after ORDER BY id LIMIT :limit")
    List<Message> findAfter(UUID roomId, UUID after, int limit);
}
