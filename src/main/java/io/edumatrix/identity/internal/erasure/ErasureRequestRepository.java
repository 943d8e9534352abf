package io.edumatrix.identity.internal.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ErasureRequestRepository extends Repository<ErasureRequest, UUID> {

    /** Serializes the requests for one account until the transaction ends, so two at once make one request. */
    @Query("SELECT true FROM pg_advisory_xact_lock(2, hashtext(CAST(:accountId AS text)))")
    boolean lockAccount(UUID accountId);

    @Modifying
    @Query("INSERT INTO erasure_request (id, account_id, requested_by, status, requested_at)"
            + " VALUES (:id, :accountId, :requestedBy, 'PENDING', :requestedAt)")
    int insert(UUID id, UUID accountId, UUID requestedBy, Instant requestedAt);

    @Query("SELECT * FROM erasure_request WHERE id = :id")
    Optional<ErasureRequest> findById(UUID id);

    @Query("SELECT * FROM erasure_request WHERE account_id = :accountId AND status = 'PENDING'")
    Optional<ErasureRequest> findPendingByAccountId(UUID accountId);

    /** Confirmations of one request are recorded one at a time, so exactly one of them sees the last step done. */
    @Query("SELECT * FROM erasure_request WHERE id = :id FOR UPDATE")
    Optional<ErasureRequest> lock(UUID id);

    @Modifying
    @Query("UPDATE erasure_request SET status = 'COMPLETED', completed_at = :now WHERE id = :id AND status = 'PENDING'")
    int complete(UUID id, Instant now);

    @Query("SELECT account_id FROM erasure_request WHERE status = 'PENDING' OR completed_at > :since")
    List<UUID> findAccountsPendingOrCompletedSince(Instant since);
}
