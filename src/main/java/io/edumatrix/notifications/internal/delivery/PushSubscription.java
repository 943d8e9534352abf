package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.platform.privacy.SealedColumn;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A browser's push subscription, as stored: its endpoint and keys only as ciphertext sealed for the account
 * ({@link #SUBSCRIPTION}, a JSON {@code {endpoint, p256dh, auth}}), and the endpoint's blind index.
 */
@Table("push_subscription")
record PushSubscription(@Id UUID id, UUID institutionId, UUID accountId, byte[] endpointIndex, byte[] subscription,
        Instant registeredAt) {

    static final SealedColumn SUBSCRIPTION = SealedColumn.of("push_subscription", "subscription");
    static final SealedColumn ENDPOINT = SealedColumn.of("push_subscription", "endpoint");
}
