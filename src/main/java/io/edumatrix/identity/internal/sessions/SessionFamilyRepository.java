package io.edumatrix.identity.internal.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SessionFamilyRepository extends Repository<SessionFamily, UUID> {

    @Modifying
    @Query("INSERT INTO session_family (id, account_id, created_at) VALUES (:id, :accountId, :createdAt)")
    int insert(UUID id, UUID accountId, Instant createdAt);

    @Query("SELECT * FROM session_family WHERE id = :id")
    Optional<SessionFamily> findById(UUID id);

    /** Revokes the session unless it is revoked already; answers whether it did. */
    @Modifying
    @Query("UPDATE session_family SET revoked_at = :now, revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
    boolean revoke(UUID id, String reason, Instant now);

    /** Revokes every live session of the account; their ids. */
    @Query("UPDATE session_family SET revoked_at = :now, revoked_reason = :reason"
            + " WHERE account_id = :accountId AND revoked_at IS NULL RETURNING id")
    List<UUID> revokeAllOf(UUID accountId, String reason, Instant now);

    @Query("SELECT id FROM session_family WHERE revoked_at > :since")
    List<UUID> findRevokedSince(Instant since);
}
