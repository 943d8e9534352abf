package io.edumatrix.feedback.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's feedback in every institution, for their export and erasure (with the person bound as data subject, the
 * only time row-level security admits rows of several institutions).
 */
interface PersonalFeedbackRepository extends Repository<Feedback, UUID> {

    @Query("SELECT * FROM feedback WHERE author_account_id = :accountId ORDER BY id")
    List<Feedback> feedbackOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM feedback WHERE author_account_id = :accountId")
    int deleteFeedbackOf(UUID accountId);
}
