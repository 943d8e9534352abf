package io.edumatrix.students.internal;

import io.edumatrix.platform.privacy.SealedColumn;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A comment under a post, as stored: the body is ciphertext sealed for the author's account. */
@Table("comment")
class Comment {

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn BODY = SealedColumn.of("comment", "body");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID postId;
    private final UUID authorProfileId;
    private final UUID authorAccountId;
    private final byte[] body;
    private final Instant createdAt;

    @PersistenceCreator
    Comment(UUID id, Long version, UUID institutionId, UUID postId, UUID authorProfileId, UUID authorAccountId,
            byte[] body, Instant createdAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.postId = postId;
        this.authorProfileId = authorProfileId;
        this.authorAccountId = authorAccountId;
        this.body = body;
        this.createdAt = createdAt;
    }

    UUID id() { return id; }
    UUID institutionId() { return institutionId; }
    UUID postId() { return postId; }
    UUID authorProfileId() { return authorProfileId; }
    UUID authorAccountId() { return authorAccountId; }
    byte[] body() { return body; }
    Instant createdAt() { return createdAt; }
}
