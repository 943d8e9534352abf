package io.edumatrix.statistics.internal;

import static io.edumatrix.statistics.internal.Tally.APPLICATIONS_IN;
import static io.edumatrix.statistics.internal.Tally.COURSE_RATING_COUNT;
import static io.edumatrix.statistics.internal.Tally.COURSE_RATING_SUM;

import io.edumatrix.platform.Times;
import io.edumatrix.statistics.internal.ReadModel.Kind;
import io.edumatrix.statistics.internal.Views.Articles;
import io.edumatrix.statistics.internal.Views.Contracts;
import io.edumatrix.statistics.internal.Views.CourseRatings;
import io.edumatrix.statistics.internal.Views.Gigs;
import io.edumatrix.statistics.internal.Views.JobPostings;
import io.edumatrix.statistics.internal.Views.Overview;
import io.edumatrix.statistics.internal.Views.Series;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the read model of the current institution (the tenant); it never writes. */
@Service
@Transactional(value = "statistics", readOnly = true)
class StatisticsService {

    /** The statuses of a job application, in their order; each is in the overview, zero or not. */
    static final List<String> APPLICATION_STATUSES =
            List.of("SUBMITTED", "UNDER_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN");
    static final int ACTIVE_DAYS = 30;

    private final ReadModel model;

    StatisticsService(ReadModel model) {
        this.model = model;
    }

    Overview overview(UUID institutionId) {
        var totals = model.totals();
        var today = LocalDate.ofInstant(Times.now(), ZoneOffset.UTC);
        var applications = new LinkedHashMap<String, Long>();
        APPLICATION_STATUSES.forEach(status -> applications.put(status, total(totals, APPLICATIONS_IN + status)));
        long created = total(totals, DailyMetric.CONTRACTS_CREATED);
        long completed = total(totals, DailyMetric.CONTRACTS_COMPLETED);
        long cancelled = total(totals, DailyMetric.CONTRACTS_CANCELLED);
        long published = total(totals, DailyMetric.ARTICLES_PUBLISHED);
        long retracted = total(totals, DailyMetric.ARTICLES_RETRACTED);
        long ratings = total(totals, COURSE_RATING_COUNT);
        long ratingSum = total(totals, COURSE_RATING_SUM);
        return new Overview(institutionId,
                total(totals, DailyMetric.COURSES),
                total(totals, DailyMetric.ENROLLMENTS),
                model.activeAccounts(today.minusDays(ACTIVE_DAYS - 1), today),
                new JobPostings(
                        model.countMarked(Kind.JOB_POSTING, List.of(JobsListeners.OPENED), List.of(JobsListeners.CLOSED)),
                        model.countMarked(Kind.JOB_POSTING, List.of(JobsListeners.CLOSED), List.of())),
                applications,
                new Gigs(
                        model.countMarked(Kind.GIG, List.of(FreelancingListeners.POSTED),
                                List.of(FreelancingListeners.AWARDED, FreelancingListeners.CLOSED)),
                        model.countMarked(Kind.GIG, List.of(FreelancingListeners.AWARDED),
                                List.of(FreelancingListeners.CLOSED)),
                        model.countMarked(Kind.GIG, List.of(FreelancingListeners.CLOSED), List.of())),
                new Contracts(created - completed - cancelled, completed, cancelled),
                new Articles(published - retracted, retracted),
                total(totals, DailyMetric.MESSAGES),
                CourseRatings.of(ratings, ratingSum),
                total(totals, DailyMetric.COURSE_COMPLETIONS));
    }

    Series daily(DailyMetric metric, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> values = metric == DailyMetric.ACTIVE_STUDENTS
                ? model.activeAccountsDaily(from, to)
                : model.daily(metric.seriesName(), from, to);
        return Series.of(metric.seriesName(), from, to, values);
    }

    private static long total(Map<String, Long> totals, DailyMetric metric) {
        return total(totals, metric.seriesName());
    }

    private static long total(Map<String, Long> totals, String name) {
        return totals.getOrDefault(name, 0L);
    }
}
