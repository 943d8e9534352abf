package io.edumatrix.notifications.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Tells every application instance that a notification was stored: a NOTIFY on {@link #CHANNEL}, sent in the
 * transaction that stores it, so PostgreSQL delivers it on commit and never for a rolled-back one. The payload is
 * {@code <institutionId>:<recipientAccountId>:<notificationId>}, the recipient {@code *} for a broadcast: ids only;
 * each instance reads the notification itself, as each reader.
 */
interface NotificationNotices extends Repository<Notification, UUID> {

    String CHANNEL = "notifications_new";

    @Query("SELECT 1 FROM pg_notify('" + CHANNEL + "', :payload)")
    int send(String payload);

    String BROADCAST = "*";

    static String payload(Notification n) {
        return n.institutionId() + ":" + (n.isBroadcast() ? BROADCAST : n.recipientAccountId()) + ":" + n.id();
    }
}
