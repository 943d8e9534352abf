package io.edumatrix.jobs.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's rows in every institution, for their export and erasure (with the person bound as data subject, the only
 * time row-level security admits rows of several institutions).
 */
interface PersonalJobsDataRepository extends Repository<JobApplication, UUID> {

    @Query("SELECT * FROM job_application WHERE applicant_account_id = :accountId ORDER BY id")
    List<JobApplication> applicationsOf(UUID accountId);

    /** Postings are not readable here (they name nobody); the poster rows are. */
    @Query("SELECT posting_id FROM job_posting_poster WHERE account_id = :accountId ORDER BY posting_id")
    List<UUID> postingsPostedBy(UUID accountId);

    @Modifying
    @Query("DELETE FROM job_application WHERE applicant_account_id = :accountId")
    int deleteApplicationsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM job_posting_poster WHERE account_id = :accountId")
    int forgetPostingsOf(UUID accountId);
}
