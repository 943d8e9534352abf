package io.edumatrix.community.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A message in a room, as stored: the body is ciphertext sealed for the author's account. */
@Table("message")
class Message {

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn BODY = SealedColumn.of("message", "body");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID roomId;
    private final UUID authorAccountId;
    private byte[] body;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Message(UUID id, Long version, UUID institutionId, UUID roomId, UUID authorAccountId, byte[] body,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.roomId = roomId;
        this.authorAccountId = authorAccountId;
        this.body = body;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** Only its author changes or deletes a message. */
    void requireAuthor(UUID accountId) {
        if (!authorAccountId.equals(accountId)) {
            throw CommunityProblems.FORBIDDEN.exception("Only its author changes or deletes a message");
        }
    }

    /** Only its author edits a message, as of the version they read. */
    void requireEditableBy(UUID accountId, long expectedVersion) {
        requireAuthor(accountId);
        if (version != expectedVersion) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Message " + id + " is at version " + version + ", not " + expectedVersion);
        }
    }

    void reseal(byte[] newBody) {
        body = newBody;
        updatedAt = Times.now();
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID roomId() { return roomId; }
    UUID authorAccountId() { return authorAccountId; }
    byte[] body() { return body; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
