package io.edumatrix.notifications.internal.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The one stored VAPID key pair (global: no institution). */
interface VapidKeyRepository extends Repository<PushSubscription, UUID> {

    /** 1 if this call stored the pair, 0 if another instance had stored one first (which then wins). */
    @Modifying
    @Query("INSERT INTO vapid_key (id, public_key, private_key, created_at) VALUES (1, :publicKey, :privateKey, :at)"
            + " ON CONFLICT (id) DO NOTHING")
    int insert(byte[] publicKey, byte[] privateKey, Instant at);

    @Query("SELECT public_key, private_key FROM vapid_key WHERE id = 1")
    Optional<Stored> stored();

    record Stored(byte[] publicKey, byte[] privateKey) {}
}
