package io.edumatrix.identity.internal.verification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface AccountTokenRepository extends Repository<AccountToken, UUID> {

    @Modifying
    @Query("INSERT INTO account_token (id, account_id, purpose, token_hash, email_index, created_at, expires_at)"
            + " VALUES (:id, :accountId, :purpose, :tokenHash, :emailIndex, :createdAt, :expiresAt)")
    int insert(UUID id, UUID accountId, String purpose, byte[] tokenHash, byte[] emailIndex, Instant createdAt,
            Instant expiresAt);

    @Query("SELECT * FROM account_token WHERE token_hash = :tokenHash")
    Optional<AccountToken> findByTokenHash(byte[] tokenHash);

    /** Uses the token unless it was used already; of two concurrent calls, exactly one answers true. */
    @Modifying
    @Query("UPDATE account_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
    boolean markUsed(UUID id, Instant now);

    /** Ends the account's other tokens of the purpose: a reset or a verification makes the earlier links void. */
    @Modifying
    @Query("UPDATE account_token SET used_at = :now WHERE account_id = :accountId AND purpose = :purpose"
            + " AND used_at IS NULL")
    int markAllUsed(UUID accountId, String purpose, Instant now);

    @Query("SELECT count(*) FROM account_token WHERE account_id = :accountId AND purpose = :purpose"
            + " AND created_at > :since")
    long countIssuedSince(UUID accountId, String purpose, Instant since);

    /** Erasure: every token of the account, used or not. */
    @Modifying
    @Query("DELETE FROM account_token WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);
}
