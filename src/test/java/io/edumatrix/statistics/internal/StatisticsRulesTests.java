package io.edumatrix.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.statistics.internal.Views.CourseRatings;
import io.edumatrix.statistics.internal.Views.Point;
import io.edumatrix.statistics.internal.Views.Series;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How events count in the read model: ratings, averages, days and series, without Spring or a database. */
@UnitTest
class StatisticsRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();

    private static FeedbackSubmitted rated(SubjectType type, int rating, Integer previous) {
        return FeedbackSubmitted.of(INSTITUTION, UUID.randomUUID(), type, UUID.randomUUID(), UUID.randomUUID(), rating,
                previous);
    }

    @Test
    void a_first_course_rating_counts_once_and_a_replacement_moves_the_sum_only() {
        assertThat(RatingDelta.of(rated(SubjectType.COURSE, 4, null))).contains(new RatingDelta(1, 4));
        assertThat(RatingDelta.of(rated(SubjectType.COURSE, 2, 5))).contains(new RatingDelta(0, -3));
    }

    @Test
    void an_erased_course_rating_takes_itself_back() {
        var erased = FeedbackErased.of(INSTITUTION, UUID.randomUUID(), 3, SubjectType.COURSE, UUID.randomUUID());

        assertThat(RatingDelta.of(erased)).contains(new RatingDelta(-1, -3));
    }

    @Test
    void ratings_of_anything_but_a_course_do_not_count() {
        assertThat(RatingDelta.of(rated(SubjectType.JOB, 4, null))).isEmpty();
        assertThat(RatingDelta.of(FeedbackErased.of(INSTITUTION, UUID.randomUUID(), 3, SubjectType.PLATFORM, null)))
                .isEmpty();
    }

    @Test
    void the_average_rating_is_none_until_somebody_rated() {
        assertThat(CourseRatings.of(0, 0).average()).isNull();
        assertThat(CourseRatings.of(4, 14).average()).isEqualTo(3.5);
    }

    @Test
    void a_series_has_every_day_of_its_range_with_zero_for_a_day_without_events() {
        var from = LocalDate.of(2030, 3, 1);

        var series = Series.of("enrollments", from, from.plusDays(2), Map.of(from.plusDays(1), 7L));

        assertThat(series.days()).containsExactly(new Point(from, 0), new Point(from.plusDays(1), 7),
                new Point(from.plusDays(2), 0));
    }

    @Test
    void an_event_counts_on_the_utc_day_it_occurred_not_the_day_it_arrived() {
        var late = new FeedbackSubmitted(UUID.randomUUID(), java.time.Instant.parse("2030-03-01T23:59:59Z"), 1,
                INSTITUTION, UUID.randomUUID(), SubjectType.COURSE, UUID.randomUUID(), UUID.randomUUID(), 5, null);

        assertThat(Tally.dayOf(late)).isEqualTo(LocalDate.of(2030, 3, 1));
    }

    @Test
    void a_daily_metric_is_asked_for_by_its_series_name() {
        assertThat(DailyMetric.named("activeStudents")).contains(DailyMetric.ACTIVE_STUDENTS);
        assertThat(DailyMetric.named("ACTIVE_STUDENTS")).isEmpty();
    }
}
