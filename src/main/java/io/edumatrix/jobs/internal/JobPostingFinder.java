package io.edumatrix.jobs.internal;

import io.edumatrix.jobs.JobPostingSummary;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.platform.Times;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The jobs module's published API: postings of the current institution, drafts included, with their status as of now. */
@Component
@Transactional(value = "jobs", readOnly = true)
class JobPostingFinder implements JobsApi {

    private final JobPostingRepository postings;

    JobPostingFinder(JobPostingRepository postings) {
        this.postings = postings;
    }

    @Override
    public Optional<JobPostingSummary> findPosting(UUID id) {
        return postings.find(id).map(p -> new JobPostingSummary(p.id(), p.institutionId(), p.title(),
                p.statusAt(Times.now()).name(), p.postedByAccountId()));
    }
}
