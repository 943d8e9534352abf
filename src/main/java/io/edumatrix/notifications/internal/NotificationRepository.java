package io.edumatrix.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Notifications and their read marks, in the bound institution. "Visible to" an account means addressed to it, or a
 * broadcast of a category it has not switched off: preferences filter broadcasts when they are read, since a
 * broadcast is made once for everybody.
 */
interface NotificationRepository extends Repository<Notification, UUID> {

    String VISIBLE_TO_READER = "(n.recipient_account_id = :reader OR (n.recipient_account_id IS NULL"
            + " AND n.category NOT IN (SELECT m.category FROM muted_category m WHERE m.account_id = :reader)))";

    /** 1 if stored, 0 if this event already made this recipient's notification. */
    @Modifying
    @Query("INSERT INTO notification (id, institution_id, recipient_account_id, category, subject_id, detail,"
            + " source_event_id, created_at) VALUES (:id, :institutionId, :recipient, :category, :subjectId, :detail,"
            + " :sourceEventId, :createdAt) ON CONFLICT DO NOTHING")
    int insert(UUID id, UUID institutionId, UUID recipient, String category, UUID subjectId, String detail,
            UUID sourceEventId, Instant createdAt);

    default boolean insert(Notification n) {
        return insert(n.id(), n.institutionId(), n.recipientAccountId(), n.category().name(), n.subjectId(), n.detail(),
                n.sourceEventId(), n.createdAt()) == 1;
    }

    @Query("SELECT n.*, EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id"
            + " AND r.account_id = :reader) AS read FROM notification n WHERE n.id = :id AND " + VISIBLE_TO_READER)
    Optional<Listed> one(UUID id, UUID reader);

    @Query("SELECT count(*) > 0 FROM notification n WHERE n.id = :id AND " + VISIBLE_TO_READER)
    boolean visibleTo(UUID id, UUID reader);

    @Modifying
    @Query("INSERT INTO notification_read (id, institution_id, notification_id, account_id, read_at)"
            + " SELECT :markId, n.institution_id, n.id, :reader, :at FROM notification n WHERE n.id = :id"
            + " ON CONFLICT DO NOTHING")
    int markRead(UUID markId, UUID id, UUID reader, Instant at);

    /** gen_random_uuid: the marks' ids need only be unique; nothing pages by them. */
    @Modifying
    @Query("INSERT INTO notification_read (id, institution_id, notification_id, account_id, read_at)"
            + " SELECT gen_random_uuid(), n.institution_id, n.id, :reader, :at FROM notification n WHERE "
            + VISIBLE_TO_READER + " ON CONFLICT DO NOTHING")
    int markAllRead(UUID reader, Instant at);

    /**
     * A page in the reader's order: unread first, then newest first (ids are time-ordered), after the position
     * ({@code afterRead}, {@code afterId}) of the previous page's last item.
     */
    @Query("SELECT * FROM (SELECT n.*, r.id IS NOT NULL AS read FROM notification n"
            + " LEFT JOIN notification_read r ON r.notification_id = n.id AND r.account_id = :reader"
            + " WHERE " + VISIBLE_TO_READER + ") v"
            + " WHERE (NOT :afterRead AND (v.read OR v.id < :afterId)) OR (:afterRead AND v.read AND v.id < :afterId)"
            + " ORDER BY v.read, v.id DESC LIMIT :limit")
    List<Listed> page(UUID reader, boolean afterRead, UUID afterId, int limit);

    /** A notification as one reader sees it. */
    record Listed(UUID id, Category category, UUID subjectId, String detail, UUID recipientAccountId,
            Instant createdAt, boolean read) {}
}
