package io.edumatrix.freelancing.internal;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deactivated institution takes no new work: its open gigs close, their submitted proposals are rejected, and each
 * closure is announced. Awarded gigs and their contracts run on: the work was agreed before. A redelivery finds no
 * open gig left (and the inbox stops it first).
 */
@Component
class GigClosingDeactivationListener {

    private final GigService gigs;

    GigClosingDeactivationListener(GigService gigs) {
        this.gigs = gigs;
    }

    @ModuleListener("freelancing")
    void on(InstitutionDeactivated event) {
        gigs.closeAllOpen(event.institutionId());
    }
}
