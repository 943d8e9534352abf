package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.notifications.NotificationPushQueued;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a new personal notification for the channels its recipient chose for its category, in the transaction that
 * made it: a push per browser subscription, and a mail at once or an entry of the daily digest, each through the
 * module's own outbox, so nothing leaves before that transaction commits and nothing queued is lost.
 */
@Service
@Transactional("notifications")
public class Deliveries {

    private final DeliveryPreferences preferences;
    private final PushSubscriptions subscriptions;
    private final NotificationMails mails;
    private final ApplicationEventPublisher events;

    Deliveries(DeliveryPreferences preferences, PushSubscriptions subscriptions, NotificationMails mails,
            ApplicationEventPublisher events) {
        this.preferences = preferences;
        this.subscriptions = subscriptions;
        this.mails = mails;
        this.events = events;
    }

    /** The notification as made; {@code category} is its category's name. */
    public record Made(UUID institutionId, UUID recipientAccountId, UUID notificationId, String category,
            UUID subjectId, String detail) {}

    public void queue(Made notification) {
        var channels = preferences.of(notification.recipientAccountId(), notification.category());
        if (channels.push()) {
            for (var subscription : subscriptions.of(notification.recipientAccountId())) {
                events.publishEvent(NotificationPushQueued.of(notification.institutionId(), subscription,
                        notification.notificationId(), notification.category(), notification.subjectId(),
                        notification.detail()));
            }
        }
        switch (channels.email()) {
            case IMMEDIATE -> mails.sendNow(notification);
            case DAILY -> mails.queueForDigest(notification);
            case OFF -> { }
        }
    }
}
