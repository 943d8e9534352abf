package io.edumatrix.institutions;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A new institution (tenant) exists. */
public record InstitutionRegistered(UUID eventId, Instant occurredAt, int version, UUID institutionId, String name,
        String code) implements DomainEvent {

    public static final int VERSION = 1;

    public static InstitutionRegistered of(UUID institutionId, String name, String code) {
        return new InstitutionRegistered(Ids.next(), Times.now(), VERSION, institutionId, name, code);
    }
}
