package io.edumatrix.statistics.internal;

import io.edumatrix.freelancing.ContractCancelled;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.GigPosted;
import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.statistics.internal.ReadModel.Kind;
import org.springframework.stereotype.Component;

/**
 * Gigs and contracts. A gig is marked POSTED, AWARDED (its proposal accepted) and CLOSED, because a closing takes it
 * from open or from awarded, depending on what happened before; an accepted proposal opens a contract.
 */
@Component
class FreelancingListeners {

    static final String POSTED = "POSTED";
    static final String AWARDED = "AWARDED";
    static final String CLOSED = "CLOSED";

    private final Tally tally;
    private final LagMeter lag;

    FreelancingListeners(Tally tally, LagMeter lag) {
        this.tally = tally;
        this.lag = lag;
    }

    @ModuleListener("statistics")
    void on(GigPosted event) {
        tally.count(event, DailyMetric.GIGS_POSTED);
        tally.mark(event, Kind.GIG, event.gigId(), POSTED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ProposalAccepted event) {
        tally.count(event, DailyMetric.CONTRACTS_CREATED);
        tally.mark(event, Kind.GIG, event.gigId(), AWARDED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ContractCompleted event) {
        tally.count(event, DailyMetric.CONTRACTS_COMPLETED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ContractCancelled event) {
        tally.count(event, DailyMetric.CONTRACTS_CANCELLED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(GigClosed event) {
        tally.mark(event, Kind.GIG, event.gigId(), CLOSED);
        lag.observe(event);
    }
}
