package io.edumatrix.institutions.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MembershipRepository extends ListCrudRepository<Membership, UUID> {

    /** The account's memberships in active institutions (row-level security decides which rows are visible). */
    @Query("SELECT m.* FROM membership m JOIN institution i ON i.id = m.institution_id"
            + " WHERE m.account_id = :accountId AND i.status = 'ACTIVE' ORDER BY m.id")
    List<Membership> findActiveByAccountId(UUID accountId);

    Optional<Membership> findByInstitutionIdAndAccountId(UUID institutionId, UUID accountId);

    long countByInstitutionIdAndRole(UUID institutionId, io.edumatrix.platform.security.Role role);

    @Query("SELECT * FROM membership WHERE institution_id = :institutionId AND id > :after ORDER BY id LIMIT :limit")
    List<Membership> findPage(UUID institutionId, UUID after, int limit);
}
