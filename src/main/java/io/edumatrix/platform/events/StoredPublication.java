package io.edumatrix.platform.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/** A publication as read back from a module's {@code event_publication} table. */
final class StoredPublication implements TargetEventPublication {

    private final UUID id;
    private final Object event;
    private final PublicationTargetIdentifier listener;
    private final Instant publicationDate;
    private final Instant lastResubmissionDate;
    private final int completionAttempts;
    private Status status;
    private Instant completionDate;

    StoredPublication(UUID id, Object event, PublicationTargetIdentifier listener, Instant publicationDate,
            Instant completionDate, Status status, int completionAttempts, Instant lastResubmissionDate) {
        this.id = id;
        this.event = event;
        this.listener = listener;
        this.publicationDate = publicationDate;
        this.completionDate = completionDate;
        this.status = status;
        this.completionAttempts = completionAttempts;
        this.lastResubmissionDate = lastResubmissionDate;
    }

    @Override
    public UUID getIdentifier() {
        return id;
    }

    @Override
    public Object getEvent() {
        return event;
    }

    @Override
    public PublicationTargetIdentifier getTargetIdentifier() {
        return listener;
    }

    @Override
    public Instant getPublicationDate() {
        return publicationDate;
    }

    @Override
    public Optional<Instant> getCompletionDate() {
        return Optional.ofNullable(completionDate);
    }

    @Override
    public Status getStatus() {
        return status;
    }

    @Override
    public Instant getLastResubmissionDate() {
        return lastResubmissionDate;
    }

    @Override
    public int getCompletionAttempts() {
        return completionAttempts;
    }

    @Override
    public void markCompleted(Instant instant) {
        completionDate = instant;
        status = Status.COMPLETED;
    }

    @Override
    public String toString() {
        return "StoredPublication[" + id + ", " + event.getClass().getSimpleName() + " -> " + listener.getValue() + ", "
                + status + "]";
    }
}
