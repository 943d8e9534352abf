package io.edumatrix.jobs.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface JobApplicationRepository extends ListCrudRepository<JobApplication, UUID> {

    /** One keyset page of a posting's applications, in the order they came in. */
    @Query("SELECT * FROM job_application WHERE posting_id = :postingId AND id > :after ORDER BY id LIMIT :limit")
    List<JobApplication> findPageOfPosting(UUID postingId, UUID after, int limit);

    /** One keyset page of an applicant's applications in the current institution. */
    @Query("SELECT * FROM job_application WHERE applicant_account_id = :accountId AND id > :after ORDER BY id"
            + " LIMIT :limit")
    List<JobApplication> findPageOfApplicant(UUID accountId, UUID after, int limit);
}
