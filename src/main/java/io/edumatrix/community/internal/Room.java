package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A chat room of one institution. Its owner and members are memberships (room_member), not part of the row. */
@Table("room")
class Room {

    enum Visibility { PUBLIC, PRIVATE }

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final String name;
    private final Visibility visibility;
    private final Instant createdAt;

    @PersistenceCreator
    Room(UUID id, Long version, UUID institutionId, String name, Visibility visibility, Instant createdAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.name = name;
        this.visibility = visibility;
        this.createdAt = createdAt;
    }

    /** A membership's role in a room: its creator owns it, everyone else who joined is a member. */
    static final String OWNER = "OWNER";
    static final String MEMBER = "MEMBER";

    /** Whom the room exists for: anyone in the institution if public, its members ({@code role} not null) if private. */
    boolean isVisibleTo(String role) {
        return isPublic() || role != null;
    }

    /** Anyone joins a public room by themselves; a private room's owner adds its members. */
    void requireJoinableBy(String role) {
        if (!isPublic() && role == null) {
            throw CommunityProblems.PRIVATE_ROOM.exception("Room " + id + " is private: its owner adds members");
        }
    }

    /** Reading, posting in and streaming a room need a membership of it. */
    void requireMember(UUID accountId, String role) {
        if (role == null) {
            throw CommunityProblems.NOT_A_MEMBER.exception(
                    "Account " + accountId + " is not a member of room " + id + "; join it first");
        }
    }

    /** Only the room's owner adds members. */
    void requireOwner(String role) {
        if (!OWNER.equals(role)) {
            throw CommunityProblems.FORBIDDEN.exception("Only the room's owner adds members");
        }
    }

    /** The owner stays: a room is never left without one. */
    void requireMayLeave(String role) {
        if (OWNER.equals(role)) {
            throw CommunityProblems.OWNER_CANNOT_LEAVE.exception("The owner of room " + id + " cannot leave it");
        }
    }

    boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    String name() { return name; }
    Visibility visibility() { return visibility; }
    Instant createdAt() { return createdAt; }
}
