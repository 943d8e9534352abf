package io.edumatrix.identity.internal.twofactor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface SecondFactorChallengeRepository extends Repository<SecondFactorChallenge, UUID> {

    @Modifying
    @Query("INSERT INTO second_factor_challenge (id, account_id, challenge_hash, institution_id, created_at, expires_at)"
            + " VALUES (:id, :accountId, :challengeHash, :institutionId, :now, :expiresAt)")
    int insert(UUID id, UUID accountId, byte[] challengeHash, UUID institutionId, Instant now, Instant expiresAt);

    @Query("SELECT * FROM second_factor_challenge WHERE challenge_hash = :challengeHash AND used_at IS NULL"
            + " AND expires_at > :now")
    Optional<SecondFactorChallenge> findLive(byte[] challengeHash, Instant now);

    /** Uses the challenge unless it was used already; of two concurrent calls, exactly one answers true. */
    @Modifying
    @Query("UPDATE second_factor_challenge SET used_at = :now WHERE id = :id AND used_at IS NULL")
    boolean use(UUID id, Instant now);

    /** Erasure. */
    @Modifying
    @Query("DELETE FROM second_factor_challenge WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);
}
