package io.edumatrix.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Devices, in the bound institution (or in every one, with the person bound as data subject). */
interface DeviceTokenRepository extends Repository<DeviceToken, UUID> {

    @Modifying
    @Query("INSERT INTO device_token (id, institution_id, account_id, platform, token, registered_at)"
            + " VALUES (:id, :institutionId, :accountId, :platform, :token, :registeredAt)")
    int insert(UUID id, UUID institutionId, UUID accountId, String platform, byte[] token, Instant registeredAt);

    @Query("SELECT * FROM device_token WHERE account_id = :accountId ORDER BY id")
    List<DeviceToken> devicesOf(UUID accountId);

    /** Only the account's own: another's device is as unknown as a missing one. */
    @Modifying
    @Query("DELETE FROM device_token WHERE id = :id AND account_id = :accountId")
    int delete(UUID id, UUID accountId);

    @Modifying
    @Query("DELETE FROM device_token WHERE account_id = :accountId")
    int deleteDevicesOf(UUID accountId);
}
