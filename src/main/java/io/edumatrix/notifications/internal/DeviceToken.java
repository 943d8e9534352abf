package io.edumatrix.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A device an account receives pushes on; the token only as ciphertext ({@link NotificationsSealing}). */
@Table("device_token")
record DeviceToken(@Id UUID id, UUID institutionId, UUID accountId, Platform platform, byte[] token,
        Instant registeredAt) {

    enum Platform { ANDROID, IOS, WEB }
}
