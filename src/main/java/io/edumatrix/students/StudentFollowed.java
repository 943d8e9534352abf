package io.edumatrix.students;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A profile started following another profile of the same institution (not repeated for a follow that exists). */
public record StudentFollowed(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID followerProfileId,
        UUID followedProfileId) implements DomainEvent {

    public static final int VERSION = 1;

    public static StudentFollowed of(UUID institutionId, UUID followerProfileId, UUID followedProfileId) {
        return new StudentFollowed(Ids.next(), Times.now(), VERSION, institutionId, followerProfileId, followedProfileId);
    }
}
