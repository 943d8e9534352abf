package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.Views.DeviceView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.web.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The devices an account registered for pushes, in the bound institution. */
@Service
@Transactional("notifications")
class DeviceService {

    private final DeviceTokenRepository devices;
    private final NotificationsSealing sealing;

    DeviceService(DeviceTokenRepository devices, NotificationsSealing sealing) {
        this.devices = devices;
        this.sealing = sealing;
    }

    DeviceView register(UUID institutionId, UUID accountId, DeviceToken.Platform platform, String token) {
        var id = Ids.next();
        var device = new DeviceToken(id, institutionId, accountId, platform, sealing.seal(accountId, id, token),
                Times.now());
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
