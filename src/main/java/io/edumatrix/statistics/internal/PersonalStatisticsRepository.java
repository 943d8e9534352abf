package io.edumatrix.statistics.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's active days in every institution, for their export and erasure (with the person bound as data subject,
 * the only time row-level security admits rows of several institutions).
 */
interface PersonalStatisticsRepository extends Repository<ActiveAccountDay, UUID> {

    @Query("SELECT * FROM active_account_day WHERE account_id = :accountId ORDER BY institution_id, day")
    List<ActiveAccountDay> activeDaysOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM active_account_day WHERE account_id = :accountId")
    int deleteActiveDaysOf(UUID accountId);
}
