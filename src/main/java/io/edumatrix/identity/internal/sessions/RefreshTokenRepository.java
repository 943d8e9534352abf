package io.edumatrix.identity.internal.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface RefreshTokenRepository extends Repository<RefreshToken, UUID> {

    @Modifying
    @Query("INSERT INTO refresh_token (id, family_id, token_hash, institution_id, created_at, expires_at)"
            + " VALUES (:id, :familyId, :tokenHash, :institutionId, :createdAt, :expiresAt)")
    int insert(UUID id, UUID familyId, byte[] tokenHash, UUID institutionId, Instant createdAt, Instant expiresAt);

    @Query("SELECT * FROM refresh_token WHERE token_hash = :tokenHash")
    Optional<RefreshToken> findByTokenHash(byte[] tokenHash);

    /** Uses the token unless it was used already; of two concurrent calls, exactly one answers true. */
    @Modifying
    @Query("UPDATE refresh_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
    boolean markUsed(UUID id, Instant now);

    /** Ends every token of the session still usable, so that the one issued next is the only one. */
    @Modifying
    @Query("UPDATE refresh_token SET used_at = :now WHERE family_id = :familyId AND used_at IS NULL")
    int markAllUsed(UUID familyId, Instant now);
}
