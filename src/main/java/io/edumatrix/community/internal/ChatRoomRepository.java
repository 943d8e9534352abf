package io.edumatrix.community.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ChatRoomRepository extends ListCrudRepository<Room, UUID> {

    /** One page of the rooms an account may see in the current institution: every public one and its private ones. */
    @Query("""
            SELECT r.* FROM room r
             WHERE (r.visibility = 'PUBLIC'
                    OR EXISTS (SELECT 1 FROM room_member m WHERE m.room_id = r.id AND m.account_id = :accountId))
               AND r.id > :after
             ORDER BY r.id
             LIMIT :limit""")
    List<Room> findVisiblePage(UUID accountId, UUID after, int limit);
}
