package io.edumatrix.notifications.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What notifications holds about a person, in every institution: the notifications addressed to them, which ones
 * (broadcasts included) they read, the categories they switched off and their devices. Erasure deletes all of it and
 * forgets the person's key of this module, so the device tokens' copies in backups stay unreadable. Broadcasts name
 * nobody and stay for the other members.
 */
@Component
class NotificationsPersonalData implements PersonalDataHolder {

    private final PersonalNotificationDataRepository data;
    private final DeviceTokenRepository devices;
    private final NotificationsSealing sealing;

    NotificationsPersonalData(PersonalNotificationDataRepository data, DeviceTokenRepository devices,
            NotificationsSealing sealing) {
        this.data = data;
        this.devices = devices;
        this.sealing = sealing;
    }

    record NotificationData(UUID notificationId, UUID institutionId, Category category, UUID subjectId, String detail,
            Instant createdAt) {}

    record DeviceData(UUID deviceId, UUID institutionId, DeviceToken.Platform platform, String token,
            Instant registeredAt) {}

    @Override
    public String module() {
        return "notifications";
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "notifications", data.notificationsOf(accountId).stream().map(n -> new NotificationData(n.id(),
                        n.institutionId(), n.category(), n.subjectId(), n.detail(), n.createdAt())).toList(),
                "read", data.readBy(accountId),
                "mutedCategories", data.mutedBy(accountId),
                "devices", devices.devicesOf(accountId).stream().map(d -> new DeviceData(d.id(), d.institutionId(),
                        d.platform(), sealing.open(d), d.registeredAt())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteReadMarksOf(accountId);
        data.deleteNotificationsOf(accountId);
        data.deleteMutedCategoriesOf(accountId);
        devices.deleteDevicesOf(accountId);
        sealing.forget(accountId);
    }
}
