package io.edumatrix.notifications;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A personal notification is to be pushed to one browser subscription of its recipient. The notifications module
 * publishes it to itself, in the transaction that makes the notification, so the push leaves only after that commit,
 * from the module's outbox: retried while the push service is busy or failing, and never lost. It carries what the
 * push shows (ids, a category and a detail such as an application's status), never text about a person.
 */
public record NotificationPushQueued(UUID eventId, Instant occurredAt, int version, UUID institutionId,
        UUID subscriptionId, UUID notificationId, String category, UUID subjectId, String detail)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static NotificationPushQueued of(UUID institutionId, UUID subscriptionId, UUID notificationId,
            String category, UUID subjectId, String detail) {
        return new NotificationPushQueued(Ids.next(), Times.now(), VERSION, institutionId, subscriptionId,
                notificationId, category, subjectId, detail);
    }
}
