package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.SubjectType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
            Map<String, Long> distribution) {

        /** From how many gave each rating, {@code counts[0]} for 1 up to {@code counts[4]} for 5. */
        static Summary of(SubjectType subjectType, UUID subjectId, List<Long> counts) {
            var distribution = new LinkedHashMap<String, Long>();
            long count = 0;
            long sum = 0;
            for (var rating = 1; rating <= 5; rating++) {
                var n = counts.get(rating - 1);
                distribution.put(String.valueOf(rating), n);
                count += n;
                sum += rating * n;
            }
            var average = count == 0 ? null
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
            return new Summary(subjectType, subjectId, count, average, distribution);
        }
    }
}
