package io.edumatrix.notifications.internal;

import io.edumatrix.platform.privacy.SealedColumn;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A device an account receives pushes on; the token only as ciphertext, sealed for the account ({@link #TOKEN}). */
@Table("device_token")
record DeviceToken(@Id UUID id, UUID institutionId, UUID accountId, Platform platform, byte[] token,
        Instant registeredAt) {

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn TOKEN = SealedColumn.of("device_token", "token");

    enum Platform { ANDROID, IOS, WEB }
}
