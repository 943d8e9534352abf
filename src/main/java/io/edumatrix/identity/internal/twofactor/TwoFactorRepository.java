package io.edumatrix.identity.internal.twofactor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** TOTP credentials and their recovery codes. */
public interface TwoFactorRepository extends Repository<TotpCredential, UUID> {

    /** Locks the account's row until the transaction ends: codes of one account are checked one at a time. */
    @Query("SELECT * FROM totp_credential WHERE account_id = :accountId FOR UPDATE")
    Optional<TotpCredential> findForUpdate(UUID accountId);

    @Query("SELECT * FROM totp_credential WHERE account_id = :accountId")
    Optional<TotpCredential> find(UUID accountId);

    /** A new pending secret, replacing a pending one; a confirmed one stays (the caller checked). */
    @Modifying
    @Query("INSERT INTO totp_credential (account_id, secret, created_at) VALUES (:accountId, :secret, :now)"
            + " ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,"
            + " failures = 0, locked_until = NULL WHERE totp_credential.confirmed_at IS NULL")
    int savePending(UUID accountId, byte[] secret, Instant now);

    @Modifying
    @Query("UPDATE totp_credential SET confirmed_at = :now, last_used_step = :step, failures = 0, locked_until = NULL"
            + " WHERE account_id = :accountId")
    int confirm(UUID accountId, long step, Instant now);

    @Modifying
    @Query("UPDATE totp_credential SET last_used_step = :step, failures = 0, locked_until = NULL"
            + " WHERE account_id = :accountId")
    int accepted(UUID accountId, Long step);

    @Modifying
    @Query("UPDATE totp_credential SET failures = :failures, locked_until = :lockedUntil WHERE account_id = :accountId")
    int failed(UUID accountId, int failures, Instant lockedUntil);

    @Modifying
    @Query("INSERT INTO totp_recovery_code (id, account_id, code_hash) VALUES (:id, :accountId, :codeHash)")
    int insertRecoveryCode(UUID id, UUID accountId, byte[] codeHash);

    @Modifying
    @Query("DELETE FROM totp_recovery_code WHERE account_id = :accountId")
    int deleteRecoveryCodes(UUID accountId);

    /** Uses the account's recovery code with this hash once; whether there was one unused. */
    @Modifying
    @Query("UPDATE totp_recovery_code SET used_at = :now WHERE account_id = :accountId AND code_hash = :codeHash"
            + " AND used_at IS NULL")
    boolean useRecoveryCode(UUID accountId, byte[] codeHash, Instant now);

    /** Erasure (with {@link #deleteRecoveryCodes}). */
    @Modifying
    @Query("DELETE FROM totp_credential WHERE account_id = :accountId")
    int deleteCredential(UUID accountId);
}
