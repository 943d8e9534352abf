package io.edumatrix.notifications.internal.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Notifications waiting for their recipients' daily digest, in the bound institution. */
interface EmailDigestRepository extends Repository<PushSubscription, UUID> {

    @Modifying
    @Query("INSERT INTO email_digest_entry (id, institution_id, account_id, notification_id, queued_at)"
            + " VALUES (:id, :institutionId, :accountId, :notificationId, :at) ON CONFLICT DO NOTHING")
    int queue(UUID id, UUID institutionId, UUID accountId, UUID notificationId, Instant at);

    /** Read from the global email_digest_due, so without any institution bound (db/notifications/V4). */
    @Query("SELECT institution_id FROM email_digest_due WHERE oldest_at <= :due ORDER BY oldest_at")
    List<UUID> institutionsDue(Instant due);

    /** The accounts of the bound institution with an entry queued at or before {@code due}. */
    @Query("SELECT DISTINCT account_id FROM email_digest_entry WHERE queued_at <= :due")
    List<UUID> accountsDue(Instant due);

    /** All of the account's entries with what their notifications say, oldest first, locked (others skipped). */
    @Query("SELECT e.id, n.category, n.detail, n.created_at FROM email_digest_entry e"
            + " JOIN notification n ON n.id = e.notification_id WHERE e.account_id = :accountId"
            + " ORDER BY e.queued_at, e.id FOR UPDATE OF e SKIP LOCKED")
    List<Entry> entriesOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM email_digest_entry WHERE id IN (:ids)")
    int delete(Collection<UUID> ids);

    /**
     * The institution is due again when its oldest remaining entry is a period old; with none left, a period from now
     * (an entry queued meanwhile lowers it again, through the trigger).
     */
    @Modifying
    @Query("UPDATE email_digest_due SET oldest_at = coalesce((SELECT min(queued_at) FROM email_digest_entry), :now)"
            + " WHERE institution_id = :institutionId")
    int reschedule(UUID institutionId, Instant now);

    @Query("SELECT notification_id FROM email_digest_entry WHERE account_id = :accountId ORDER BY queued_at")
    List<UUID> pendingFor(UUID accountId);

    @Modifying
    @Query("DELETE FROM email_digest_entry WHERE account_id = :accountId")
    int deleteEntriesOf(UUID accountId);

    record Entry(UUID id, String category, String detail, Instant createdAt) {}
}
