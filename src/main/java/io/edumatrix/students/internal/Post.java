package io.edumatrix.students.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A post by a profile, as stored: the body is ciphertext sealed for the author's account. */
@Table("post")
class Post {

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn BODY = SealedColumn.of("post", "body");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID authorProfileId;
    private final UUID authorAccountId;
    private byte[] body;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Post(UUID id, Long version, UUID institutionId, UUID authorProfileId, UUID authorAccountId, byte[] body,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.authorProfileId = authorProfileId;
        this.authorAccountId = authorAccountId;
        this.body = body;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** Only its author changes or deletes a post. */
    void requireAuthor(UUID accountId) {
        if (!authorAccountId.equals(accountId)) {
            throw StudentsProblems.FORBIDDEN.exception("Only its author changes or deletes a post");
        }
    }

    /** Only its author edits a post, as of the version they read. */
    void requireEditableBy(UUID accountId, long expectedVersion) {
        requireAuthor(accountId);
        if (version != expectedVersion) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Post " + id + " is at version " + version + ", not " + expectedVersion);
        }
    }

    void reseal(byte[] newBody) {
        body = newBody;
        updatedAt = Times.now();
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID authorProfileId() { return authorProfileId; }
    UUID authorAccountId() { return authorAccountId; }
    byte[] body() { return body; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
