package io.edumatrix.identity.internal.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ErasureStepRepository extends Repository<ErasureStep, UUID> {

    @Modifying
    @Query("INSERT INTO erasure_step (id, request_id, module) VALUES (:id, :requestId, :module)")
    int insert(UUID id, UUID requestId, String module);

    /** In the order the steps were made, which is the order of the modules. */
    @Query("SELECT * FROM erasure_step WHERE request_id = :requestId ORDER BY id")
    List<ErasureStep> findByRequestId(UUID requestId);

    /** Answers 0 for a step confirmed before, or for a module the request does not wait for. */
    @Modifying
    @Query("UPDATE erasure_step SET confirmed_at = :now WHERE request_id = :requestId AND module = :module"
            + " AND confirmed_at IS NULL")
    int confirm(UUID requestId, String module, Instant now);

    @Query("SELECT count(*) FROM erasure_step WHERE request_id = :requestId AND confirmed_at IS NULL")
    long countUnconfirmed(UUID requestId);
}
