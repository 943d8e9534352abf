package io.edumatrix.jobs;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the jobs module. */
public interface JobsApi {

    /** A posting of the current institution (row-level security), drafts included; empty for any other. */
    Optional<JobPostingSummary> findPosting(UUID id);
}
