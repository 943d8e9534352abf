package io.edumatrix.notifications.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's notifications, read marks and muted categories in every institution, for their export and erasure (with
 * the person bound as data subject, the only time row-level security admits rows of several institutions).
 */
interface PersonalNotificationDataRepository extends Repository<Notification, UUID> {

    @Query("SELECT * FROM notification WHERE recipient_account_id = :accountId ORDER BY id")
    List<Notification> notificationsOf(UUID accountId);

    @Query("SELECT notification_id FROM notification_read WHERE account_id = :accountId ORDER BY notification_id")
    List<UUID> readBy(UUID accountId);

    @Query("SELECT institution_id || ':' || category FROM muted_category WHERE account_id = :accountId"
            + " ORDER BY institution_id, category")
    List<String> mutedBy(UUID accountId);

    @Modifying
    @Query("DELETE FROM notification_read WHERE account_id = :accountId")
    int deleteReadMarksOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM notification WHERE recipient_account_id = :accountId")
    int deleteNotificationsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM muted_category WHERE account_id = :accountId")
    int deleteMutedCategoriesOf(UUID accountId);
}
