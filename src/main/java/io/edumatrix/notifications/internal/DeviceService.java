package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.Views.DeviceView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.domain.DomainException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The devices an account registered for pushes, in the bound institution. */
@Service
@Transactional("notifications")
class DeviceService {

    private final DeviceTokenRepository devices;
    private final PersonalDataVault vault;

    DeviceService(DeviceTokenRepository devices, @Qualifier("notifications") PersonalDataVault vault) {
        this.devices = devices;
        this.vault = vault;
    }

    DeviceView register(UUID institutionId, UUID accountId, DeviceToken.Platform platform, String token) {
        var id = Ids.next();
        var device = new DeviceToken(id, institutionId, accountId, platform,
                vault.seal(accountId, DeviceToken.TOKEN, id, token), Times.now());
        devices.insert(device.id(), institutionId, accountId, platform.name(), device.token(), device.registeredAt());
        return DeviceView.of(device);
    }

    /** Another account's device is a 404, like one that does not exist. */
    void remove(UUID accountId, UUID id) {
        if (devices.delete(id, accountId) == 0) {
            throw DomainException.notFound("Device", id);
        }
    }
}
