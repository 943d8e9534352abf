package io.edumatrix.statistics.internal;

import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/**
 * Course ratings, as a count and a sum, so that their average is exact: a first rating adds one and its value, a
 * replacement adds the difference to the one it replaced, an erased rating takes itself out. Ratings of job postings
 * and of the platform are not course ratings and change nothing.
 */
@Component
class RatingListeners {

    private final Tally tally;
    private final LagMeter lag;

    RatingListeners(Tally tally, LagMeter lag) {
        this.tally = tally;
        this.lag = lag;
    }

    @ModuleListener("statistics")
    void on(FeedbackSubmitted event) {
        RatingDelta.of(event).ifPresent(delta -> {
            tally.count(event, DailyMetric.COURSE_RATINGS);
            tally.adjustRatings(event, delta);
        });
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(FeedbackErased event) {
        RatingDelta.of(event).ifPresent(delta -> tally.adjustRatings(event, delta));
        lag.observe(event);
    }
}
