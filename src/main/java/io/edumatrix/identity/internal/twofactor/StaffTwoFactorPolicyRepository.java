package io.edumatrix.identity.internal.twofactor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface StaffTwoFactorPolicyRepository extends Repository<TotpCredential, UUID> {

    @Modifying
    @Query("INSERT INTO staff_two_factor_policy (institution_id, required, updated_at, updated_by)"
            + " VALUES (:institutionId, :required, :now, :by) ON CONFLICT (institution_id) DO UPDATE"
            + " SET required = excluded.required, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
    int save(UUID institutionId, boolean required, Instant now, UUID by);

    @Query("SELECT required FROM staff_two_factor_policy WHERE institution_id = :institutionId")
    Optional<Boolean> findRequired(UUID institutionId);
}
