package io.edumatrix.freelancing.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MilestoneRepository extends ListCrudRepository<Milestone, UUID> {

    @Query("SELECT * FROM milestone WHERE contract_id = :contractId ORDER BY id")
    List<Milestone> findByContract(UUID contractId);

    @Query("SELECT coalesce(sum(amount_minor), 0) FROM milestone WHERE contract_id = :contractId")
    long plannedMinor(UUID contractId);

    @Modifying
    @Query("UPDATE milestone SET status = :to, version = version + 1, updated_at = now()"
            + " WHERE id = :id AND status = :from")
    int move(UUID id, String from, String to);
}
