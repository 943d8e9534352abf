package io.edumatrix.feedback;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A rating was deleted with its author's personal data (a GDPR erasure), so that a read model built from
 * {@link FeedbackSubmitted} takes it out of its counts and sums. It names no account: the person is gone.
 */
public record FeedbackErased(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID feedbackId,
        int rating, SubjectType subjectType, UUID subjectId) implements DomainEvent {

    public static final int VERSION = 1;

    public static FeedbackErased of(UUID institutionId, UUID feedbackId, int rating, SubjectType subjectType,
            UUID subjectId) {
        return new FeedbackErased(Ids.next(), Times.now(), VERSION, institutionId, feedbackId, rating, subjectType,
                subjectId);
    }
}
