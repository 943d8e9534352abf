package io.edumatrix.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps outboxes and inboxes from growing without bound: completed publications and inbox entries older than
 * {@code edumatrix.events.keep-completed} are deleted every {@code edumatrix.events.cleanup-interval}. An inbox entry
 * must outlive any redelivery of its event, so both share one retention.
 */
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);

    private final EventPublicationRepository outbox;
    private final List<Inbox> inboxes;
    private final Duration keep;

    OutboxCleanup(EventPublicationRepository outbox, List<Inbox> inboxes, Duration keep) {
        this.outbox = outbox;
        this.inboxes = inboxes;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${edumatrix.events.cleanup-interval:1h}", initialDelayString = "${edumatrix.events.cleanup-interval:1h}")
    void deleteOldEntries() {
        var before = Instant.now().minus(keep);
        outbox.deleteCompletedPublicationsBefore(before);
        int forgotten = inboxes.stream().mapToInt(inbox -> inbox.forgetProcessedBefore(before)).sum();
        log.debug("Deleted completed publications and {} inbox entries older than {}", forgotten, before);
    }
}
