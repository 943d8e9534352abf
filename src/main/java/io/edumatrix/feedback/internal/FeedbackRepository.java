package io.edumatrix.feedback.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Feedback of the caller's institution (row-level security adds it to every statement). */
interface FeedbackRepository extends Repository<Feedback, UUID> {

    Optional<Feedback> findById(UUID id);

    /** The account's feedback on the subject, locked until the transaction ends, so a replacement sees the latest. */
    @Query("SELECT * FROM feedback WHERE subject_type = :subjectType AND subject_id = :subjectId"
            + " AND author_account_id = :authorAccountId FOR UPDATE")
    Optional<Feedback> findOwnForUpdate(String subjectType, UUID subjectId, UUID authorAccountId);

    /** 1 if inserted; 0 if the account has feedback on the subject already (perhaps committed a moment ago). */
    @Modifying
    @Query("INSERT INTO feedback (id, version, institution_id, subject_type, subject_id, author_account_id, rating,"
            + " comment, status, created_at, updated_at) VALUES (:id, 0, :institutionId, :subjectType, :subjectId,"
            + " :authorAccountId, :rating, :comment, 'VISIBLE', now(), now())"
            + " ON CONFLICT (subject_type, subject_id, institution_id, author_account_id) DO NOTHING")
    int insertIfAbsent(UUID id, UUID institutionId, String subjectType, UUID subjectId, UUID authorAccountId, int rating,
            byte[] comment);

    /** The moderation status stays: submitting again does not unhide a hidden comment. */
    @Modifying
    @Query("UPDATE feedback SET rating = :rating, comment = :comment, version = version + 1, updated_at = now()"
            + " WHERE id = :id")
    int replace(UUID id, int rating, byte[] comment);

    /** 0 if someone changed the feedback since {@code version} was read. */
    @Modifying
    @Query("UPDATE feedback SET status = :status, version = version + 1, updated_at = now()"
            + " WHERE id = :id AND version = :version")
    int changeStatus(UUID id, String status, long version);

    /** One keyset page of a subject's feedback, oldest first. */
    @Query("SELECT * FROM feedback WHERE subject_type = :subjectType AND subject_id = :subjectId AND id > :after"
            + " ORDER BY id LIMIT :limit")
    List<Feedback> findPage(String subjectType, UUID subjectId, UUID after, int limit);

    @Query("SELECT * FROM feedback WHERE author_account_id = :authorAccountId AND id > :after ORDER BY id LIMIT :limit")
    List<Feedback> findPageOf(UUID authorAccountId, UUID after, int limit);

    /**
     * How many ratings of 1, 2, 3, 4 and 5 the subject has, in that order: one pass over the subject's rows, grouped by
     * rating, joined to the five possible ratings so that a missing one counts 0.
     */
    @Query("""
            SELECT coalesce(c.n, 0) FROM generate_series(1, 5) AS r(rating)
              LEFT JOIN (SELECT rating, count(*) AS n FROM feedback
                          WHERE subject_type = :subjectType AND subject_id = :subjectId
                          GROUP BY rating) c USING (rating)
             ORDER BY r.rating""")
    List<Long> distribution(String subjectType, UUID subjectId);
}
