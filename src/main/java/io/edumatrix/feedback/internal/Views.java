package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.SubjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What the module answers with. Authors are never shown: feedback reads as anonymous to everyone but its author. */
final class Views {

    private Views() {}

    /**
     * {@code comment} is null when there is none, and for a hidden one unless the reader wrote it or moderates;
     * {@code subjectId} is null for the platform; {@code mine} tells the reader their own.
     */
    record FeedbackView(UUID id, SubjectType subjectType, UUID subjectId, int rating, String comment,
            Feedback.Status status, boolean mine, long version, Instant createdAt, Instant updatedAt) {}

    /**
     * Every rating of the subject counts, hidden comments' too. {@code average} is rounded to 2 places, null without
     * ratings; {@code distribution} maps each rating "1" to "5" to how many gave it.
     */
    record Summary(SubjectType subjectType, UUID subjectId, long count, BigDecimal average,
            Map<String, Long> distribution) {}
}
