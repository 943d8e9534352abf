package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.notifications.NotificationPushQueued;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pushes each queued notification once its making committed, from the module's outbox: in the notification's
 * institution, retried with backoff while the push service answers 429 or 5xx, then left failed and resubmittable.
 */
@Component
class PushDeliveries {

    private final PushSubscriptions subscriptions;

    PushDeliveries(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @ModuleListener("notifications")
    void on(NotificationPushQueued event) {
        subscriptions.push(event);
    }
}
