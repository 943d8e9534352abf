package io.edumatrix.platform.events;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An event one module publishes for others: an immutable record in the publishing module's root package, named in the
 * past tense. Its JSON form is a contract, listed in docs/events.md; a change of its fields raises {@link #version()}.
 */
@NamedInterface("events")
public interface DomainEvent {

    /** Unique per event; listeners deduplicate redeliveries by it. */
    UUID eventId();

    Instant occurredAt();

    /** The schema version of this event type's JSON form. */
    int version();

    /** The tenant the event belongs to. */
    UUID institutionId();
}
