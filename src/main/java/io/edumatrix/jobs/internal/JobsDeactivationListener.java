package io.edumatrix.jobs.internal;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deactivated institution offers no jobs: its open postings and drafts close, each announced by JobPostingClosed.
 * Runs with the event's institution as the tenant; a redelivery finds nothing left to close.
 */
@Component
class JobsDeactivationListener {

    private final JobPostingService postings;

    JobsDeactivationListener(JobPostingService postings) {
        this.postings = postings;
    }

    @ModuleListener("jobs")
    void on(InstitutionDeactivated event) {
        postings.closeAllOfInstitution();
    }
}
