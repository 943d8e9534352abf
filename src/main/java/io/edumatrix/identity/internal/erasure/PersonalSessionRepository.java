package io.edumatrix.identity.internal.erasure;

import io.edumatrix.identity.internal.sessions.SessionFamily;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** An account's sessions and refresh tokens, for its export and erasure. */
interface PersonalSessionRepository extends Repository<SessionFamily, UUID> {

    @Query("SELECT * FROM session_family WHERE account_id = :accountId ORDER BY created_at, id")
    List<SessionFamily> findByAccountId(UUID accountId);

    @Modifying
    @Query("DELETE FROM refresh_token WHERE family_id IN (SELECT id FROM session_family WHERE account_id = :accountId)")
    int deleteRefreshTokensOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM session_family WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);
}
