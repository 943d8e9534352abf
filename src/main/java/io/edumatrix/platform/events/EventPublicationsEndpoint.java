package io.edumatrix.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventPublicationRepository.FailedCriteria;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * {@code GET /actuator/eventpublications} lists the failed publications of every module; {@code POST} resubmits them
 * all, or the one whose {@code id} is given, through Spring Modulith (which claims each publication before delivering
 * it, so two instances do not deliver the same one twice at the same moment).
 */
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

    private final EventPublicationRepository outbox;
    private final FailedEventPublications failed;

    EventPublicationsEndpoint(EventPublicationRepository outbox, FailedEventPublications failed) {
        this.outbox = outbox;
        this.failed = failed;
    }

    record FailedPublication(UUID id, String eventType, String listener, Instant publishedAt, int completionAttempts,
            Instant lastResubmittedAt) {

        static FailedPublication of(TargetEventPublication publication) {
            return new FailedPublication(publication.getIdentifier(), publication.getEvent().getClass().getName(),
                    publication.getTargetIdentifier().getValue(), publication.getPublicationDate(),
                    publication.getCompletionAttempts(), publication.getLastResubmissionDate());
        }
    }

    @ReadOperation
    Map<String, List<FailedPublication>> failedPublications() {
        return Map.of("failed", outbox.findFailedPublications(FailedCriteria.ALL).stream().map(FailedPublication::of).toList());
    }

    @WriteOperation
    Map<String, Object> resubmit(@Nullable UUID id) {
        var before = failedPublications().get("failed").size();
        failed.resubmit(ResubmissionOptions.defaults()
                .withFilter((EventPublication publication) -> id == null || publication.getIdentifier().equals(id)));
        return Map.of("failedBefore", before, "resubmitted", id == null ? "all" : id.toString());
    }
}
