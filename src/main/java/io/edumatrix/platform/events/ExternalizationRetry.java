package io.edumatrix.platform.events;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publications to the broker wait for it rather than being lost: those the externalizer could not get acknowledged
 * (the broker down or unreachable, its retries used up) are failed publications, counted by the outbox meters, and
 * resubmitted here every {@code edumatrix.events.kafka.resubmit-interval}, oldest first, until the broker takes them.
 * Other listeners' failed publications stay for an operator, as before (ADR 0008).
 */
final class ExternalizationRetry {

    private static final int BATCH = 500;

    private final FailedEventPublications failed;

    ExternalizationRetry(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(fixedDelayString = "${edumatrix.events.kafka.resubmit-interval:10s}",
            initialDelayString = "${edumatrix.events.kafka.resubmit-interval:10s}")
    void resubmitUnacknowledged() {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withFilter(
                publication -> publication instanceof TargetEventPublication target
                        && EventExternalizer.LISTENER_ID.equals(target.getTargetIdentifier().getValue())));
    }
}
