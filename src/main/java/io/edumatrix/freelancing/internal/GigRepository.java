package io.edumatrix.freelancing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Gigs of the caller's institution (row-level security adds it to every statement). */
interface GigRepository extends ListCrudRepository<Gig, UUID> {

    /**
     * The gig, locked against status changes until the transaction ends: a proposal is only ever added to a gig that
     * stays open until it commits, so closing or awarding the gig afterwards rejects it with the others.
     */
    @Query("SELECT * FROM gig WHERE id = :id FOR SHARE")
    Optional<Gig> findForShare(UUID id);

    @Query("SELECT * FROM gig WHERE id > :after ORDER BY id LIMIT :limit")
    List<Gig> findPage(UUID after, int limit);

    @Query("SELECT * FROM gig WHERE status = :status AND id > :after ORDER BY id LIMIT :limit")
    List<Gig> findPageByStatus(String status, UUID after, int limit);

    /**
     * Moves the gig only if it is still in {@code from}: of two concurrent moves, the second waits for the first's
     * row lock, then finds the status changed and moves nothing (0).
     */
    @Modifying
    @Query("UPDATE gig SET status = :to, version = version + 1, updated_at = now() WHERE id = :id AND status = :from")
    int move(UUID id, String from, String to);

    /** Closes every open gig of the institution in the transaction's tenant and answers their ids. */
    @Query("UPDATE gig SET status = 'CLOSED', version = version + 1, updated_at = now() WHERE status = 'OPEN'"
            + " RETURNING id")
    List<UUID> closeAllOpen();
}
