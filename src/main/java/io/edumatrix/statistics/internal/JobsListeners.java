package io.edumatrix.statistics.internal;

import static io.edumatrix.statistics.internal.Tally.APPLICATIONS_IN;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.jobs.ApplicationSubmitted;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.jobs.JobPostingClosed;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.statistics.internal.ReadModel.Kind;
import org.springframework.stereotype.Component;

/**
 * Job postings and applications. A posting is marked OPENED and CLOSED rather than counted, because a draft closed
 * without ever opening publishes a closing alone: it is closed, and was never open. Applications are counted by status
 * with deltas (a change moves one from its old status to its new), which add up in any order of delivery.
 */
@Component
class JobsListeners {

    static final String OPENED = "OPENED";
    static final String CLOSED = "CLOSED";

    private final Tally tally;
    private final LagMeter lag;

    JobsListeners(Tally tally, LagMeter lag) {
        this.tally = tally;
        this.lag = lag;
    }

    @ModuleListener("statistics")
    void on(JobPosted event) {
        tally.count(event, DailyMetric.JOB_POSTINGS_OPENED);
        tally.mark(event, Kind.JOB_POSTING, event.postingId(), OPENED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(JobPostingClosed event) {
        tally.count(event, DailyMetric.JOB_POSTINGS_CLOSED);
        tally.mark(event, Kind.JOB_POSTING, event.postingId(), CLOSED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ApplicationSubmitted event) {
        tally.count(event, DailyMetric.APPLICATIONS);
        tally.adjust(event, APPLICATIONS_IN + "SUBMITTED", 1);
        tally.active(event, event.applicantAccountId());
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ApplicationStatusChanged event) {
        tally.adjust(event, APPLICATIONS_IN + event.fromStatus(), -1);
        tally.adjust(event, APPLICATIONS_IN + event.toStatus(), 1);
        lag.observe(event);
    }
}
