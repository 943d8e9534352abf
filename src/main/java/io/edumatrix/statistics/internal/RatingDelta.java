package io.edumatrix.statistics.internal;

import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import java.util.Optional;

/**
 * What a rating changes in the course ratings' count and sum: a first rating adds one of its value, a replacement
 * moves the sum only, an erased rating takes itself back. Ratings of anything but a course change nothing.
 */
record RatingDelta(long count, long sum) {

    static Optional<RatingDelta> of(FeedbackSubmitted event) {
        if (event.subjectType() != SubjectType.COURSE) {
            return Optional.empty();
        }
        return Optional.of(event.previousRating() == null ? new RatingDelta(1, event.rating())
                : new RatingDelta(0, event.rating() - event.previousRating()));
    }

    static Optional<RatingDelta> of(FeedbackErased event) {
        return event.subjectType() == SubjectType.COURSE ? Optional.of(new RatingDelta(-1, -event.rating()))
                : Optional.empty();
    }
}
