package io.edumatrix.students;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A student published a post. The body is personal and stays in the students module; the event carries ids only. */
public record StudentPostPublished(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID postId,
        UUID authorProfileId, UUID authorAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static StudentPostPublished of(UUID institutionId, UUID postId, UUID authorProfileId, UUID authorAccountId) {
        return new StudentPostPublished(Ids.next(), Times.now(), VERSION, institutionId, postId, authorProfileId,
                authorAccountId);
    }
}
