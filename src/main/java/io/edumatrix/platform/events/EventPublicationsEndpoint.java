package io.edumatrix.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
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
 * it, so two instances do not deliver the same one twice at the same moment), and answers how many it resubmitted.
 */
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

    private static final int BATCH = 500;

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

    /**
     * Resubmits the failed publication with the given id, or all failed ones. Modulith reads failed publications in
     * batches, oldest first; all of them are read for one id, and batches are repeated until one yields nothing for all.
     */
    @WriteOperation
    Map<String, Object> resubmit(@Nullable UUID id) {
        var matched = new AtomicInteger();
        Predicate<EventPublication> selected = publication -> {
            boolean match = id == null || publication.getIdentifier().equals(id);
            if (match) {
                matched.incrementAndGet();
            }
            return match;
        };
        if (id != null) {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(Integer.MAX_VALUE).withFilter(selected));
        } else {
            int before;
            do {
                before = matched.get();
                failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withFilter(selected));
            } while (matched.get() - before == BATCH);
        }
        return Map.of("resubmitted", matched.get());
    }
}
