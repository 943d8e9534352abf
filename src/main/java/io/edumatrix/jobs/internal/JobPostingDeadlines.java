package io.edumatrix.jobs.internal;

import io.edumatrix.platform.tenancy.TenantContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes open postings once their closing time has come, so that each is announced by JobPostingClosed exactly once.
 * Reads and listings show such a posting CLOSED from its closing time on (JobPosting#statusAt); this stores it, in a
 * transaction of the posting's institution whose event goes through the module's outbox. Every instance sweeps; the
 * postings' row locks let only one of them close each.
 */
@Component
class JobPostingDeadlines {

    private final JobPostingService postings;

    JobPostingDeadlines(JobPostingService postings) {
        this.postings = postings;
    }

    @Scheduled(fixedDelayString = "${edumatrix.jobs.deadline-sweep-interval:30s}",
            initialDelayString = "${edumatrix.jobs.deadline-sweep-interval:30s}")
    void sweep() {
        closeDue();
    }

    /** Answers how many postings it closed. */
    int closeDue() {
        var closed = 0;
        for (var institution : postings.institutionsWithDuePostings()) {
            closed += TenantContext.inInstitution(institution, postings::closeDue);
        }
        return closed;
    }
}
