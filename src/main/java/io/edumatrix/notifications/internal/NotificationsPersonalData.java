package io.edumatrix.notifications.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import io.edumatrix.notifications.internal.delivery.DeliveryPreferences;
import io.edumatrix.notifications.internal.delivery.PushSubscriptions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What notifications holds about a person, in every institution: the notifications addressed to them, which ones
 * (broadcasts included) they read, the categories they switched off, how they receive each, their devices and their
 * browsers' push subscriptions. Erasure deletes all of it and forgets the person's key of this module, so the device
 * tokens' and subscriptions' copies in backups stay unreadable. Broadcasts name
 * nobody and stay for the other members.
 */
@Component
class NotificationsPersonalData implements PersonalDataHolder {

    private final PersonalNotificationDataRepository data;
    private final DeviceTokenRepository devices;
    private final PushSubscriptions subscriptions;
    private final DeliveryPreferences deliveryPreferences;
    private final PersonalDataVault vault;

    NotificationsPersonalData(PersonalNotificationDataRepository data, DeviceTokenRepository devices,
            PushSubscriptions subscriptions, DeliveryPreferences deliveryPreferences,
            @Qualifier("notifications") PersonalDataVault vault) {
        this.data = data;
        this.devices = devices;
        this.subscriptions = subscriptions;
        this.deliveryPreferences = deliveryPreferences;
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
                        d.registeredAt())).toList(),
                "deliveryPreferences", deliveryPreferences.export(accountId),
                "pushSubscriptions", subscriptions.export(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteReadMarksOf(accountId);
        data.deleteNotificationsOf(accountId);
        data.deleteMutedCategoriesOf(accountId);
        devices.deleteDevicesOf(accountId);
        subscriptions.erase(accountId);
        deliveryPreferences.erase(accountId);
        vault.forget(accountId);
    }
}
