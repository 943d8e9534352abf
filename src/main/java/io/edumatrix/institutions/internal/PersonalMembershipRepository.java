package io.edumatrix.institutions.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** An account's memberships in every institution, for its export and erasure (with the account bound as data subject). */
interface PersonalMembershipRepository extends Repository<Membership, UUID> {

    @Query("SELECT * FROM membership WHERE account_id = :accountId ORDER BY created_at, id")
    List<Membership> findByAccountId(UUID accountId);

    @Modifying
    @Query("DELETE FROM membership WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);
}
