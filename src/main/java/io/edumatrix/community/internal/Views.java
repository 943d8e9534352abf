package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the module answers with: its resources, message bodies opened. */
final class Views {

    private Views() {}

    record RoomView(UUID id, UUID institutionId, String name, Room.Visibility visibility, long version,
            Instant createdAt) {}

    /** The same view in the messages list and as the {@code data:} of a stream's event. */
    record MessageView(UUID id, UUID roomId, UUID authorAccountId, String body, List<UUID> mentions, long version,
            Instant createdAt, Instant updatedAt) {}
}
