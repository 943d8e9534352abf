package io.edumatrix.notifications.internal;

import java.util.UUID;

/**
 * Hands a new personal notification to whatever carries it to the recipient's devices. Called once per notification,
 * after it was stored, in the transaction that stored it. Broadcasts are not pushed: nobody is told about an article
 * on every device of every member.
 */
interface PushSender {

    void send(Push push);

    record Push(UUID notificationId, UUID institutionId, UUID recipientAccountId, Category category) {}
}
