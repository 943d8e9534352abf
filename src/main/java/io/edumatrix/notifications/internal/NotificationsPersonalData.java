package io.edumatrix.notifications.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final PersonalDataVault vault;

    NotificationsPersonalData(PersonalNotificationDataRepository data, DeviceTokenRepository devices,
            @Qualifier("notifications") PersonalDataVault vault) {
        this.data = data;
        this.devices = devices;
        this.vault = vault;
    }

    record NotificationData(UUID notificationId, UUID institutionId, Category category, UUID subjectId, String detail,
            Instant createdAt) {}

    record DeviceData(UUID deviceId, UUID institutionId, DeviceToken.Platform platform, String token,
            Instant registeredAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "notifications", data.notificationsOf(accountId).stream().map(n -> new NotificationData(n.id(),
                        n.institutionId(), n.category(), n.subjectId(), n.detail(), n.createdAt())).toList(),
                "read", data.readBy(accountId),
                "mutedCategories", data.mutedBy(accountId),
                "devices", devices.devicesOf(accountId).stream().map(d -> new DeviceData(d.id(), d.institutionId(),
                        d.platform(), vault.openOrNull(d.accountId(), DeviceToken.TOKEN, d.id(), d.token()),
                        d.registeredAt())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteReadMarksOf(accountId);
        data.deleteNotificationsOf(accountId);
        data.deleteMutedCategoriesOf(accountId);
        devices.deleteDevicesOf(accountId);
        vault.forget(accountId);
    }
}
