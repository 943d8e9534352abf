package io.edumatrix.identity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * An account's login history, for its export and erasure. Attempts are kept by normalized email as well as by account:
 * the ones made before the account existed, or while its email was unknown, carry the email only.
 */
interface PersonalLoginAttemptRepository extends Repository<LoginAttempt, UUID> {

    @Query("SELECT * FROM login_attempt WHERE account_id = :accountId OR email = :email ORDER BY attempted_at, id")
    List<LoginAttempt> findByAccountIdOrEmail(UUID accountId, String email);

    @Modifying
    @Query("DELETE FROM login_attempt WHERE account_id = :accountId OR email = :email")
    int deleteByAccountIdOrEmail(UUID accountId, String email);

    @Modifying
    @Query("DELETE FROM login_lockout WHERE email = :email")
    int deleteLockout(String email);
}
