package io.edumatrix.community;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member posted a message in a room, mentioning the accounts in {@code mentions} (members of the room, each once).
 * The body is personal and stays in the community module; the event carries ids only.
 */
public record MessagePosted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID roomId,
        UUID messageId, UUID authorAccountId, List<UUID> mentions) implements DomainEvent {

    public static final int VERSION = 1;

    /** Null only when read from JSON written before the field existed (none so far). */
    public MessagePosted {
        mentions = mentions == null ? null : List.copyOf(mentions);
    }

    public static MessagePosted of(UUID institutionId, UUID roomId, UUID messageId, UUID authorAccountId,
            List<UUID> mentions) {
        return new MessagePosted(Ids.next(), Times.now(), VERSION, institutionId, roomId, messageId, authorAccountId,
                mentions);
    }
}
