package io.edumatrix.notifications.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's notifications, read marks, preferences and devices in every institution, and confirms it. */
@Component
class NotificationsErasureListener {

    private final PersonalDataErasure erasure;

    NotificationsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("notifications")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("notifications", event);
    }
}
