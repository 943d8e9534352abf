package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.Views.NotificationPage;
import io.edumatrix.notifications.internal.Views.NotificationView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reader's notifications in the bound institution: theirs and the institution's broadcasts. */
@Service
@Transactional("notifications")
class NotificationService {

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(value = "notifications", readOnly = true)
    NotificationPage list(UUID reader, String after, int limit) {
        var cursor = Cursor.parse(after);
        var fetched = notifications.page(reader, cursor.read(), cursor.id(), limit + 1);
        if (fetched.size() <= limit) {
            return new NotificationPage(fetched.stream().map(NotificationView::of).toList(), null);
        }
        var items = fetched.subList(0, limit);
        var last = items.getLast();
        return new NotificationPage(items.stream().map(NotificationView::of).toList(),
                new Cursor(last.read(), last.id()).toString());
    }

    /** The notification as the reader sees it, if they see it at all (for the live stream). */
    @Transactional(value = "notifications", readOnly = true)
    Optional<NotificationView> one(UUID reader, UUID id) {
        return notifications.one(id, reader).map(NotificationView::of);
    }

    /** Reading one twice is no change. Another's notification, or another institution's, is a 404. */
    void markRead(UUID reader, UUID id) {
        if (!notifications.visibleTo(id, reader)) {
            throw DomainException.notFound("Notification", id);
        }
        notifications.markRead(Ids.next(), id, reader, Times.now());
    }

    void markAllRead(UUID reader) {
        notifications.markAllRead(reader, Times.now());
    }
}
