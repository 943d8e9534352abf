package io.edumatrix.jobs.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Postings with their poster. Every read joins {@code job_posting_poster}, which is why this is not a CrudRepository:
 * its generated reads would look for the poster's column in {@code job_posting}.
 */
interface JobPostingRepository extends Repository<JobPosting, UUID> {

    String WITH_POSTER = "SELECT p.*, a.account_id AS posted_by_account_id FROM job_posting p"
            + " LEFT JOIN job_posting_poster a ON a.posting_id = p.id";

    /**
     * The posting's status as read (see {@link JobPosting#statusAt}) is one of {@code :statuses}: an open posting past
     * its closing time is CLOSED. Written as plain comparisons, not a CASE, so that the planner still estimates how
     * many rows pass (a CASE gets a default guess of almost none, and the search then stops using its word index).
     */
    String STATUS_AS_READ_IN = "(p.status IN (:statuses) OR p.status = 'OPEN' AND 'CLOSED' IN (:statuses))"
            + " AND (p.status <> 'OPEN' OR p.closes_at > now() OR 'CLOSED' IN (:statuses))"
            + " AND (p.status <> 'OPEN' OR p.closes_at <= now() OR 'OPEN' IN (:statuses))";

    JobPosting save(JobPosting posting);

    @Query(WITH_POSTER + " WHERE p.id = :id")
    Optional<JobPosting> find(UUID id);

    /** Locks the posting's row, so that an application and the posting's closing do not pass each other. */
    @Query(WITH_POSTER + " WHERE p.id = :id FOR SHARE OF p")
    Optional<JobPosting> findForApplying(UUID id);

    /** One keyset page of the institution's postings in the given statuses (as read), in creation order. */
    @Query(WITH_POSTER + " WHERE " + STATUS_AS_READ_IN + " AND p.id > :after ORDER BY p.id LIMIT :limit")
    List<JobPosting> findPage(Collection<String> statuses, UUID after, int limit);

    /**
     * The same, of the postings whose title or description has, for every word of {@code query}, a word starting with
     * it (case-insensitively). The words come from job_posting_word, through its (institution, word) index: see
     * V2__create_job_posting_word.sql for why a word index rather than a GIN index. Both bounds of a word's prefix
     * range are computed in {@code term}: a bound computed in the join condition would not be leakproof, and
     * row-level security would then keep it out of the index condition.
     */
    @Query("""
            WITH term AS (SELECT DISTINCT t COLLATE "C" AS t, t || chr(1114111) COLLATE "C" AS upto
                            FROM unnest(tsvector_to_array(to_tsvector('simple', :query))) AS t)
            """ + WITH_POSTER + "\n WHERE " + STATUS_AS_READ_IN + "\n" + """
               AND p.id > :after
               AND p.id IN (SELECT w.posting_id FROM job_posting_word w
                              JOIN term ON w.word >= term.t AND w.word < term.upto
                             GROUP BY w.posting_id
                            HAVING count(DISTINCT term.t) = (SELECT count(*) FROM term))
             ORDER BY p.id LIMIT :limit""")
    List<JobPosting> search(String query, Collection<String> statuses, UUID after, int limit);

    @Modifying
    @Query("INSERT INTO job_posting_poster (posting_id, institution_id, account_id)"
            + " VALUES (:postingId, :institutionId, :accountId)")
    void recordPoster(UUID postingId, UUID institutionId, UUID accountId);

    /** The institution's postings not closed yet, oldest first. */
    @Query(WITH_POSTER + " WHERE p.status <> 'CLOSED' ORDER BY p.id")
    List<JobPosting> findNotClosed();

    /** The institution's open postings whose closing time has come, locked; those locked elsewhere are skipped. */
    @Query(WITH_POSTER + " WHERE p.status = 'OPEN' AND p.closes_at <= :now ORDER BY p.id FOR UPDATE OF p SKIP LOCKED")
    List<JobPosting> findDueForClosing(Instant now);

    /** Read from the global job_posting_deadline, so without any institution bound (V5__track_job_posting_deadlines). */
    @Query("SELECT DISTINCT institution_id FROM job_posting_deadline WHERE closes_at <= :now")
    List<UUID> institutionsWithDuePostings(Instant now);
}
