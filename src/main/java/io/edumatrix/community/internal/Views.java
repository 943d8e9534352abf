package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the module answers with: its resources, message bodies opened. */
final class Views {

    private Views() {}

    /**
     * {@code unreadCount}: for a member, the messages past their read position (or, without one, since they joined),
     * not their own and not by anyone they blocked; null for a public room they are not a member of.
     */
    record RoomView(UUID id, UUID institutionId, String name, Room.Visibility visibility, long version,
            Instant createdAt, Long unreadCount) {}

    /** A member who has read a message (their read position is at or past it), and when they got there. */
    record ReaderView(UUID accountId, Instant readAt) {}

    /** The accounts the caller blocked in the institution. */
    record BlocksView(List<UUID> accountIds) {}

    /** The same view in the messages list and as the {@code data:} of a stream's event. */
    record MessageView(UUID id, UUID roomId, UUID authorAccountId, String body, List<UUID> mentions, long version,
            Instant createdAt, Instant updatedAt) {}
}
