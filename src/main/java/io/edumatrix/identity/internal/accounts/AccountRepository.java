package io.edumatrix.identity.internal.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AccountRepository extends ListCrudRepository<StoredAccount, UUID> {

    /** By the unique blind index of the lower-cased email ({@link AccountSealing#emailIndex}). */
    @Query("SELECT * FROM account WHERE email_index = :emailIndex")
    Optional<StoredAccount> findByEmailIndex(byte[] emailIndex);

    /** The next accounts in id order, locked: a batch of a blind-index rotation's re-index. */
    @Query("SELECT * FROM account WHERE id > :after ORDER BY id LIMIT :limit FOR UPDATE")
    List<StoredAccount> lockBatchAfter(UUID after, int limit);

    /**
     * An account's email index, and the login attempts and lockout filed under it, moved from the old index to the new;
     * a lockout already filed under the new index (a failed login since the rotation) wins over the old one.
     */
    @Modifying
    @Query("WITH a AS (UPDATE account SET email_index = :newIndex WHERE id = :id),"
            + " t AS (UPDATE login_attempt SET email_index = :newIndex WHERE email_index = :oldIndex),"
            + " d AS (DELETE FROM login_lockout WHERE email_index = :oldIndex"
            + "       AND EXISTS (SELECT 1 FROM login_lockout WHERE email_index = :newIndex))"
            + " UPDATE login_lockout SET email_index = :newIndex WHERE email_index = :oldIndex"
            + " AND NOT EXISTS (SELECT 1 FROM login_lockout WHERE email_index = :newIndex)")
    int moveEmailIndex(UUID id, byte[] oldIndex, byte[] newIndex);
}
