package io.edumatrix.notifications.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals device tokens for their account, bound to their row: a push token reaches a person's phone, so it is personal.
 * A token whose account was forgotten (erased) opens as null.
 */
@Component
class NotificationsSealing {

    static final SealedColumn TOKEN = SealedColumn.of("device_token", "token");

    private final PersonalDataVault vault;

    NotificationsSealing(@Qualifier("notifications") PersonalDataVault vault) {
        this.vault = vault;
    }

    byte[] seal(UUID account, UUID rowId, String token) {
        return vault.seal(account, TOKEN, rowId, token);
    }

    String open(DeviceToken device) {
        return vault.open(device.accountId(), TOKEN, device.id(), device.token()).orElse(null);
    }

    void forget(UUID account) {
        vault.forget(account);
    }
}
