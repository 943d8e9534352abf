package io.edumatrix.statistics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the statistics endpoints answer. */
final class Views {

    private Views() {}

    /**
     * An institution's figures now: totals since the first event, except {@code activeStudents}, the distinct accounts
     * that posted, enrolled, completed a lesson or applied in the last 30 UTC days (today included).
     */
    record Overview(UUID institutionId, long courses, long enrollments, long activeStudents, JobPostings jobPostings,
            Map<String, Long> applications, Gigs gigs, Contracts contracts, Articles articles, long messages,
            CourseRatings courseRatings, long courseCompletions) {}

    /** Postings open now, and closed ones (drafts closed without opening included). */
    record JobPostings(long open, long closed) {}

    /** Gigs open to proposals, awarded (a contract running), and closed. */
    record Gigs(long open, long awarded, long closed) {}

    /** Contracts opened by an accepted proposal and not yet ended (active or delivered), completed, cancelled. */
    record Contracts(long active, long completed, long cancelled) {}

    /** Articles readable now (published and not retracted), and retracted ones. */
    record Articles(long published, long retracted) {}

    /** The ratings of the institution's courses: their count and sum, so the average is exact; null without ratings. */
    record CourseRatings(long count, long sum, Double average) {

        /** The average is null until somebody rated a course. */
        static CourseRatings of(long count, long sum) {
            return new CourseRatings(count, sum, count == 0 ? null : (double) sum / count);
        }
    }

    /** A daily series: one value for every UTC day from {@code from} to {@code to}, zeros included. */
    record Series(String metric, LocalDate from, LocalDate to, List<Point> days) {

        /** Every day from {@code from} to {@code to}, both included; a day without a value counts zero. */
        static Series of(String metric, LocalDate from, LocalDate to, Map<LocalDate, Long> values) {
            return new Series(metric, from, to,
                    from.datesUntil(to.plusDays(1)).map(day -> new Point(day, values.getOrDefault(day, 0L))).toList());
        }
    }

    record Point(LocalDate day, long value) {}
}
