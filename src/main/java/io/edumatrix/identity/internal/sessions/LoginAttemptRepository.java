package io.edumatrix.identity.internal.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Attempts and lockouts, keyed by the email's blind index ({@link AccountSealing#emailIndex}). */
interface LoginAttemptRepository extends Repository<LoginAttempt, UUID> {

    /** Serializes the attempts on one email until the transaction ends, so failures are counted one at a time. */
    @Query("SELECT true FROM pg_advisory_xact_lock(1, hashtext(encode(:emailIndex, 'hex')))")
    boolean lockEmail(byte[] emailIndex);

    @Modifying
    @Query("INSERT INTO login_attempt (id, email_index, account_id, outcome, request_id, attempted_at)"
            + " VALUES (:id, :emailIndex, :accountId, :outcome, :requestId, :attemptedAt)")
    int insert(UUID id, byte[] emailIndex, UUID accountId, String outcome, String requestId, Instant attemptedAt);

    /** Failures since {@code since}, not counting those before the last success or before the last lock ended. */
    @Query("SELECT count(*) FROM login_attempt a WHERE a.email_index = :emailIndex"
            + " AND a.outcome IN ('BAD_CREDENTIALS', 'UNKNOWN_ACCOUNT', 'DISABLED') AND a.attempted_at > :since"
            + " AND a.attempted_at > coalesce((SELECT max(s.attempted_at) FROM login_attempt s"
            + "     WHERE s.email_index = :emailIndex AND s.outcome = 'SUCCESS'), '-infinity')"
            + " AND a.attempted_at > coalesce((SELECT l.locked_until FROM login_lockout l"
            + "     WHERE l.email_index = :emailIndex), '-infinity')")
    long countFailuresSince(byte[] emailIndex, Instant since);

    @Query("SELECT locked_until FROM login_lockout WHERE email_index = :emailIndex")
    Optional<Instant> findLockedUntil(byte[] emailIndex);

    @Modifying
    @Query("INSERT INTO login_lockout (email_index, locked_until) VALUES (:emailIndex, :lockedUntil)"
            + " ON CONFLICT (email_index) DO UPDATE SET locked_until = excluded.locked_until")
    int lock(byte[] emailIndex, Instant lockedUntil);
}
