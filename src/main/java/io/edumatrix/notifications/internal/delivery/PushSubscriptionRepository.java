package io.edumatrix.notifications.internal.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Push subscriptions, in the bound institution (or in every one, with the person bound as data subject). */
interface PushSubscriptionRepository extends Repository<PushSubscription, UUID> {

    /**
     * Stores a subscription; the same browser (endpoint) registered again by the account takes the new id and keys,
     * since its sealed value names its row.
     */
    @Modifying
    @Query("INSERT INTO push_subscription (id, institution_id, account_id, endpoint_index, subscription, registered_at)"
            + " VALUES (:id, :institutionId, :accountId, :endpointIndex, :subscription, :at)"
            + " ON CONFLICT (institution_id, account_id, endpoint_index) DO UPDATE SET id = EXCLUDED.id,"
            + " subscription = EXCLUDED.subscription, registered_at = EXCLUDED.registered_at")
    int upsert(UUID id, UUID institutionId, UUID accountId, byte[] endpointIndex, byte[] subscription, Instant at);

    @Query("SELECT * FROM push_subscription WHERE id = :id")
    Optional<PushSubscription> find(UUID id);

    @Query("SELECT id FROM push_subscription WHERE account_id = :accountId ORDER BY id")
    List<UUID> idsOf(UUID accountId);

    @Query("SELECT * FROM push_subscription WHERE account_id = :accountId ORDER BY id")
    List<PushSubscription> subscriptionsOf(UUID accountId);

    /** Only the account's own: another's subscription is as unknown as a missing one. */
    @Modifying
    @Query("DELETE FROM push_subscription WHERE id = :id AND account_id = :accountId")
    int delete(UUID id, UUID accountId);

    /** A subscription its push service no longer knows (404 or 410). */
    @Modifying
    @Query("DELETE FROM push_subscription WHERE id = :id")
    int expire(UUID id);

    @Modifying
    @Query("DELETE FROM push_subscription WHERE account_id = :accountId")
    int deleteSubscriptionsOf(UUID accountId);
}
