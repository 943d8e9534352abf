package io.edumatrix.identity.internal.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface LinkedIdentityRepository extends Repository<LinkedIdentity, UUID> {

    @Modifying
    @Query("INSERT INTO linked_identity (id, account_id, registration, subject_index, subject, email, created_at)"
            + " VALUES (:id, :accountId, :registration, :subjectIndex, :subject, :email, :createdAt)")
    int insert(UUID id, UUID accountId, String registration, byte[] subjectIndex, byte[] subject, byte[] email,
            Instant createdAt);

    @Query("SELECT account_id FROM linked_identity WHERE subject_index = :subjectIndex")
    Optional<UUID> findAccountId(byte[] subjectIndex);

    @Query("SELECT * FROM linked_identity WHERE account_id = :accountId ORDER BY created_at, id")
    List<LinkedIdentity> findByAccountId(UUID accountId);

    @Modifying
    @Query("DELETE FROM linked_identity WHERE id = :id AND account_id = :accountId")
    int deleteOfAccount(UUID id, UUID accountId);

    /** Erasure. */
    @Modifying
    @Query("DELETE FROM linked_identity WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);

    @Modifying
    @Query("INSERT INTO oidc_login (id, registration, state_hash, nonce, created_at, expires_at)"
            + " VALUES (:id, :registration, :stateHash, :nonce, :createdAt, :expiresAt)")
    int insertLogin(UUID id, String registration, byte[] stateHash, String nonce, Instant createdAt, Instant expiresAt);

    /** Uses the sign-in with this state once, if it is the registration's and unexpired; its nonce. */
    @Query("UPDATE oidc_login SET used_at = :now WHERE state_hash = :stateHash AND registration = :registration"
            + " AND used_at IS NULL AND expires_at > :now RETURNING nonce")
    Optional<String> claimLogin(byte[] stateHash, String registration, Instant now);
}
