package io.edumatrix.identity.internal.erasure;

import io.edumatrix.identity.internal.sessions.LoginAttempt;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * An account's login history, for its export and erasure. Attempts are kept by the email's blind index as well as by
 * account: the ones made before the account existed, or while its email was unknown, carry the index only.
 */
interface PersonalLoginAttemptRepository extends Repository<LoginAttempt, UUID> {

    @Query("SELECT * FROM login_attempt WHERE account_id = :accountId OR email_index = :emailIndex"
            + " ORDER BY attempted_at, id")
    List<LoginAttempt> findByAccountIdOrEmailIndex(UUID accountId, byte[] emailIndex);

    @Modifying
    @Query("DELETE FROM login_attempt WHERE account_id = :accountId OR email_index = :emailIndex")
    int deleteByAccountIdOrEmailIndex(UUID accountId, byte[] emailIndex);

    @Modifying
    @Query("DELETE FROM login_lockout WHERE email_index = :emailIndex")
    int deleteLockout(byte[] emailIndex);
}
