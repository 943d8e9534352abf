package io.edumatrix.statistics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The daily series, by the name a client asks for ({@code ?metric=}); each value is that UTC day's count. */
enum DailyMetric {
    COURSES("courses"),
    ENROLLMENTS("enrollments"),
    /** Enrollments completed that day: every published lesson of the course done. */
    COURSE_COMPLETIONS("courseCompletions"),
    /** Distinct accounts that posted, enrolled, completed a lesson or applied that day. */
    ACTIVE_STUDENTS("activeStudents"),
    JOB_POSTINGS_OPENED("jobPostingsOpened"),
    JOB_POSTINGS_CLOSED("jobPostingsClosed"),
    APPLICATIONS("applications"),
    GIGS_POSTED("gigsPosted"),
    CONTRACTS_CREATED("contractsCreated"),
    CONTRACTS_COMPLETED("contractsCompleted"),
    CONTRACTS_CANCELLED("contractsCancelled"),
    ARTICLES_PUBLISHED("articlesPublished"),
    ARTICLES_RETRACTED("articlesRetracted"),
    MESSAGES("messages"),
    /** Course ratings submitted that day, first ones and replacements. */
    COURSE_RATINGS("courseRatings");

    private final String seriesName;

    DailyMetric(String seriesName) {
        this.seriesName = seriesName;
    }

    String seriesName() {
        return seriesName;
    }

    static Optional<DailyMetric> named(String name) {
        return Arrays.stream(values()).filter(metric -> metric.seriesName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(DailyMetric::seriesName).toList();
    }
}
