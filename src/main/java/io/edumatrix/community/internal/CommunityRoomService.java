package io.edumatrix.community.internal;

import io.edumatrix.community.internal.Views.RoomView;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.web.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms and their memberships, within the caller's institution (row-level security). A private room is visible to its
 * members only: to anyone else it does not exist (404), like another institution's room.
 */
@Service
@Transactional("community")
class CommunityRoomService {

    private final ChatRoomRepository rooms;
    private final RoomMemberRepository memberships;
    private final ReadPositionRepository positions;
    private final InstitutionsApi institutions;

    CommunityRoomService(ChatRoomRepository rooms, RoomMemberRepository memberships, ReadPositionRepository positions,
            InstitutionsApi institutions) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.positions = positions;
        this.institutions = institutions;
    }

    /** The creator is the room's first member and its owner. */
    RoomView create(UUID institutionId, UUID accountId, String name, Room.Visibility visibility) {
        var room = rooms.save(new Room(Ids.next(), null, institutionId, name, visibility, Times.now()));
        memberships.join(Ids.next(), institutionId, room.id(), accountId, Room.OWNER);
        return view(room, 0L);
    }

    @Transactional(value = "community", readOnly = true)
    RoomView get(UUID id, UUID readerAccountId) {
        var room = visible(id, readerAccountId);
        return view(room, positions.unreadIn(readerAccountId, List.of(id)).stream().findFirst()
                .map(ReadPositionRepository.Unread::unread).orElse(null));
    }

    /** With each room the reader is a member of, its unread count. */
    @Transactional(value = "community", readOnly = true)
    Page<RoomView> list(UUID readerAccountId, UUID after, int limit) {
        var page = Page.of(rooms.findVisiblePage(readerAccountId, Page.after(after), limit + 1), limit, Room::id);
        Map<UUID, Long> unread = page.items().isEmpty() ? Map.of()
                : positions.unreadIn(readerAccountId, page.items().stream().map(Room::id).toList()).stream()
                        .collect(Collectors.toMap(ReadPositionRepository.Unread::roomId,
                                ReadPositionRepository.Unread::unread));
        return page.map(room -> view(room, unread.get(room.id())));
    }

    /** Joining twice is joining once; only public rooms are open to anyone. */
    void join(UUID roomId, UUID accountId) {
        var room = visible(roomId, accountId);
        room.requireJoinableBy(roleOf(roomId, accountId));
        memberships.join(Ids.next(), room.institutionId(), roomId, accountId, Room.MEMBER);
    }

    /** Leaving a room one is not in changes nothing. A member who leaves stops receiving its messages at once. */
    void leave(UUID roomId, UUID accountId) {
        visible(roomId, accountId).requireMayLeave(roleOf(roomId, accountId));
        memberships.leave(roomId, accountId);
    }

    /** The owner adds a member of the institution; adding one twice is adding once. */
    void add(UUID roomId, UUID ownerAccountId, UUID accountId) {
        var room = visible(roomId, ownerAccountId);
        room.requireOwner(roleOf(roomId, ownerAccountId));
        if (institutions.membershipInCurrentInstitution(accountId).isEmpty()) {
            throw CommunityProblems.NOT_AN_INSTITUTION_MEMBER.exception(
                    "Account " + accountId + " is not a member of the room's institution");
        }
        memberships.join(Ids.next(), room.institutionId(), roomId, accountId, Room.MEMBER);
    }

    /** The room, if the reader may see it: public, or private with the reader a member. */
    Room visible(UUID roomId, UUID readerAccountId) {
        return rooms.findById(roomId).filter(room -> room.isVisibleTo(roleOf(roomId, readerAccountId)))
                .orElseThrow(() -> DomainException.notFound("Room", roomId));
    }

    /** The room, if the reader is a member of it; a private room is not found by anyone else. */
    Room joined(UUID roomId, UUID readerAccountId) {
        var room = visible(roomId, readerAccountId);
        room.requireMember(readerAccountId, roleOf(roomId, readerAccountId));
        return room;
    }

    @Transactional(value = "community", readOnly = true)
    boolean isMember(UUID roomId, UUID accountId) {
        return memberships.roleOf(roomId, accountId).isPresent();
    }

    /** The account's role in the room, or null if it is not a member. */
    private String roleOf(UUID roomId, UUID accountId) {
        return memberships.roleOf(roomId, accountId).orElse(null);
    }

    private static RoomView view(Room room, Long unread) {
        return new RoomView(room.id(), room.institutionId(), room.name(), room.visibility(), room.version(),
                room.createdAt(), unread);
    }
}
