package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.delivery.Deliveries;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes notifications, in the institution the event belongs to (bound by the listener). A personal one is made only
 * if its recipient has not switched its category off, and is queued for the channels they chose (push, mail); a broadcast is made once, and each reader's
 * preferences filter it when they read. Either is announced to the live streams of every instance.
 */
@Service
@Transactional("notifications")
class Notifier {

    private final NotificationRepository notifications;
    private final MutedCategoryRepository muted;
    private final Deliveries deliveries;
    private final NotificationNotices notices;

    Notifier(NotificationRepository notifications, MutedCategoryRepository muted, Deliveries deliveries,
            NotificationNotices notices) {
        this.notifications = notifications;
        this.muted = muted;
        this.deliveries = deliveries;
        this.notices = notices;
    }

    /** Nothing for a null recipient: a party erased since the event was published. */
    void notify(UUID institutionId, UUID recipient, Category category, UUID subjectId, String detail, UUID eventId) {
        if (recipient == null || muted.muted(recipient, category.name())) {
            return;
        }
        var notification = Notification.personal(institutionId, recipient, category, subjectId, detail, eventId);
        if (notifications.insert(notification)) {
            deliveries.queue(new Deliveries.Made(institutionId, recipient, notification.id(), category.name(),
                    subjectId, detail));
            notices.send(NotificationNotices.payload(notification));
        }
    }

    void broadcast(UUID institutionId, Category category, UUID subjectId, UUID eventId) {
        var notification = Notification.broadcast(institutionId, category, subjectId, eventId);
        if (notifications.insert(notification)) {
            notices.send(NotificationNotices.payload(notification));
        }
    }
}
