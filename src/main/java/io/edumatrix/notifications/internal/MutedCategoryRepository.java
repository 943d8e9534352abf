package io.edumatrix.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The categories an account switched off, in the bound institution. */
interface MutedCategoryRepository extends Repository<Notification, UUID> {

    @Query("SELECT category FROM muted_category WHERE account_id = :accountId ORDER BY category")
    List<String> mutedBy(UUID accountId);

    @Query("SELECT count(*) > 0 FROM muted_category WHERE account_id = :accountId AND category = :category")
    boolean muted(UUID accountId, String category);

    @Modifying
    @Query("INSERT INTO muted_category (id, institution_id, account_id, category, muted_at)"
            + " VALUES (:id, :institutionId, :accountId, :category, :at) ON CONFLICT DO NOTHING")
    int mute(UUID id, UUID institutionId, UUID accountId, String category, Instant at);

    @Modifying
    @Query("DELETE FROM muted_category WHERE account_id = :accountId AND category = :category")
    int unmute(UUID accountId, String category);
}
