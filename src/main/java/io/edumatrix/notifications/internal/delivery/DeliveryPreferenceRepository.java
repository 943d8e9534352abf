package io.edumatrix.notifications.internal.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The channels an account chose per category in the bound institution, where they differ from the default. */
interface DeliveryPreferenceRepository extends Repository<PushSubscription, UUID> {

    @Query("SELECT category, push, email FROM delivery_preference WHERE account_id = :accountId ORDER BY category")
    List<Chosen> chosenBy(UUID accountId);

    @Query("SELECT category, push, email FROM delivery_preference WHERE account_id = :accountId"
            + " AND category = :category")
    Optional<Chosen> chosen(UUID accountId, String category);

    @Modifying
    @Query("INSERT INTO delivery_preference (id, institution_id, account_id, category, push, email, changed_at)"
            + " VALUES (:id, :institutionId, :accountId, :category, :push, :email, :at)"
            + " ON CONFLICT (account_id, institution_id, category) DO UPDATE SET push = EXCLUDED.push,"
            + " email = EXCLUDED.email, changed_at = EXCLUDED.changed_at")
    int choose(UUID id, UUID institutionId, UUID accountId, String category, boolean push, String email, Instant at);

    @Query("SELECT institution_id || ':' || category || ':' || push || ':' || email FROM delivery_preference"
            + " WHERE account_id = :accountId ORDER BY institution_id, category")
    List<String> exportOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM delivery_preference WHERE account_id = :accountId")
    int deleteChoicesOf(UUID accountId);

    record Chosen(String category, boolean push, EmailMode email) {}
}
