package io.edumatrix.statistics.internal;

import io.edumatrix.platform.events.DomainEvent;
import io.edumatrix.statistics.internal.ReadModel.Kind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an event changes in the read model, in the listener's transaction and the event's institution. Days are the
 * UTC dates of the events' {@code occurredAt}, not of their delivery, so a late delivery counts on the right day.
 */
@Component
@Transactional("statistics")
class Tally {

    /** Totals by the status of job applications: {@code applications.SUBMITTED}, ... */
    static final String APPLICATIONS_IN = "applications.";
    static final String COURSE_RATING_COUNT = "courseRatings.count";
    static final String COURSE_RATING_SUM = "courseRatings.sum";

    private final ReadModel model;

    Tally(ReadModel model) {
        this.model = model;
    }

    void count(DomainEvent event, DailyMetric metric) {
        model.add(event.institutionId(), metric.seriesName(), dayOf(event), 1);
    }

    void adjust(DomainEvent event, String figure, long delta) {
        model.addToTotal(event.institutionId(), figure, delta);
    }

    /** The course ratings' count and sum; a delta of zero writes nothing. */
    void adjustRatings(DomainEvent event, RatingDelta delta) {
        if (delta.count() != 0) {
            adjust(event, COURSE_RATING_COUNT, delta.count());
        }
        adjust(event, COURSE_RATING_SUM, delta.sum());
    }

    void mark(DomainEvent event, Kind kind, UUID entityId, String mark) {
        model.mark(event.institutionId(), kind, entityId, mark);
    }

    /** An account acted as a student; a null account (erased before the event was written) counts nobody. */
    void active(DomainEvent event, UUID accountId) {
        if (accountId != null) {
            model.markActive(event.institutionId(), accountId, dayOf(event));
        }
    }

    static LocalDate dayOf(DomainEvent event) {
        return LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    }
}
