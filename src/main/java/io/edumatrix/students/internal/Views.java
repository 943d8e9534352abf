package io.edumatrix.students.internal;

import java.time.Instant;
import java.util.UUID;

/** What the module answers with: its resources with their personal columns opened. */
final class Views {

    private Views() {}

    record ProfileView(UUID id, UUID institutionId, UUID accountId, String headline, String bio, String program,
            Integer graduationYear, long version, Instant createdAt, Instant updatedAt) {}

    /** {@code likeCount} and {@code likedByMe} only where one post is read; null in the feed. */
    record PostView(UUID id, UUID authorProfileId, String body, Long likeCount, Boolean likedByMe, long version,
            Instant createdAt, Instant updatedAt) {}

    record CommentView(UUID id, UUID postId, UUID authorProfileId, String body, Instant createdAt) {}
}
