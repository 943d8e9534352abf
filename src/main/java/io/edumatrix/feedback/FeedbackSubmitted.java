package io.edumatrix.feedback;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account rated a subject, for the first time ({@code previousRating} null) or again, replacing its earlier rating
 * ({@code previousRating} is the replaced one), so that a read model keeps counts and sums right from the events alone.
 * The comment is personal and stays in the feedback module. {@code subjectId} is null for the platform.
 */
public record FeedbackSubmitted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID feedbackId,
        SubjectType subjectType, UUID subjectId, UUID authorAccountId, int rating, Integer previousRating)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static FeedbackSubmitted of(UUID institutionId, UUID feedbackId, SubjectType subjectType, UUID subjectId,
            UUID authorAccountId, int rating, Integer previousRating) {
        return new FeedbackSubmitted(Ids.next(), Times.now(), VERSION, institutionId, feedbackId, subjectType, subjectId,
                authorAccountId, rating, previousRating);
    }
}
