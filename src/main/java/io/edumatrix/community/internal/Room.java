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
