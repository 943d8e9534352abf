package io.edumatrix.community.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Who belongs to which room, and as what: a fact per room and account, inserted once and deleted. */
interface RoomMemberRepository extends Repository<Room, UUID> {

    /** 1 if the account is a new member, 0 if it was one. */
    @Modifying
    @Query("INSERT INTO room_member (id, institution_id, room_id, account_id, role, joined_at)"
            + " VALUES (:id, :institutionId, :roomId, :accountId, :role, now())"
            + " ON CONFLICT (room_id, account_id) DO NOTHING")
    int join(UUID id, UUID institutionId, UUID roomId, UUID accountId, String role);

    @Modifying
    @Query("DELETE FROM room_member WHERE room_id = :roomId AND account_id = :accountId")
    int leave(UUID roomId, UUID accountId);

    @Query("SELECT role FROM room_member WHERE room_id = :roomId AND account_id = :accountId")
    Optional<String> roleOf(UUID roomId, UUID accountId);

    @Query("SELECT account_id FROM room_member WHERE room_id = :roomId AND role = 'OWNER'")
    Optional<UUID> ownerOf(UUID roomId);

    /** Those of {@code accountIds} that are members of the room. */
    @Query("SELECT account_id FROM room_member WHERE room_id = :roomId AND account_id IN (:accountIds)")
    List<UUID> membersAmong(UUID roomId, Collection<UUID> accountIds);
}
