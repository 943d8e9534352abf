package io.edumatrix.notifications.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The only channel today: in-app. The app shows the notification list, so there is nothing to send; this remembers the
 * last pushes (a bounded few, in memory) so that their being sent can be seen. A gateway to FCM or APNs, reading the
 * recipient's device tokens, would take its place.
 */
@Component
class InAppPushSender implements PushSender {

    private static final int REMEMBERED = 256;

    private final Deque<Push> recent = new ArrayDeque<>();

    @Override
    public synchronized void send(Push push) {
        if (recent.size() == REMEMBERED) {
            recent.removeFirst();
        }
        recent.addLast(push);
    }

    synchronized List<UUID> recentlySent() {
        return recent.stream().map(Push::notificationId).toList();
    }
}
