package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.NotificationRepository.Listed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API answers. */
final class Views {

    private Views() {}

    /**
     * A notification as its reader sees it. {@code subjectId} is what it is about in the publishing module; {@code
     * detail} is the course (ENROLLMENT, FEEDBACK), new status (APPLICATION), contract (PROPOSAL) or room (MENTION).
     */
    record NotificationView(UUID id, Category category, UUID subjectId, String detail, boolean broadcast, boolean read,
            Instant createdAt) {

        static NotificationView of(Listed n) {
            return new NotificationView(n.id(), n.category(), n.subjectId(), n.detail(), n.recipientAccountId() == null,
                    n.read(), n.createdAt());
        }
    }

    /**
     * A page of notifications, unread first and then newest first. The list is ordered by read state before id, so
     * its cursor {@code next} names both ({@link Cursor}); pass it back as {@code after}.
     */
    record NotificationPage(List<NotificationView> items, String next) {}

    record DeviceView(UUID id, DeviceToken.Platform platform, Instant registeredAt) {

        static DeviceView of(DeviceToken d) {
            return new DeviceView(d.id(), d.platform(), d.registeredAt());
        }
    }

    /** How a category reaches its reader besides the in-app list. */
    record ChannelsView(boolean push, io.edumatrix.notifications.internal.delivery.EmailMode email) {}

    record PushSubscriptionView(UUID id) {}

    /** The application server's VAPID public key, base64url of the uncompressed P-256 point. */
    record VapidKeyView(String publicKey) {}
}
