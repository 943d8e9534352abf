package io.edumatrix.freelancing.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ProposalRepository extends ListCrudRepository<Proposal, UUID> {

    @Query("SELECT * FROM proposal WHERE gig_id = :gigId AND id > :after ORDER BY id LIMIT :limit")
    List<Proposal> findPage(UUID gigId, UUID after, int limit);

    @Query("SELECT * FROM proposal WHERE gig_id = :gigId AND freelancer_account_id = :accountId AND id > :after"
            + " ORDER BY id LIMIT :limit")
    List<Proposal> findPageOf(UUID gigId, UUID accountId, UUID after, int limit);

    /** Moves the proposal only if it is still in {@code from} (see GigRepository#move). */
    @Modifying
    @Query("UPDATE proposal SET status = :to, version = version + 1, updated_at = now()"
            + " WHERE id = :id AND status = :from")
    int move(UUID id, String from, String to);

    /** What becomes of the others when a gig is awarded or closed. */
    @Modifying
    @Query("UPDATE proposal SET status = 'REJECTED', version = version + 1, updated_at = now()"
            + " WHERE gig_id IN (:gigIds) AND status = 'SUBMITTED'")
    int rejectSubmitted(List<UUID> gigIds);
}
