package io.edumatrix.institutions.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface InstitutionRepository extends ListCrudRepository<Institution, UUID> {

    /** One keyset page of institutions without their departments, ordered by id (creation order). */
    @Query("SELECT id, name, code, status, created_at FROM institution WHERE id > :after ORDER BY id LIMIT :limit")
    List<InstitutionListing> findPage(UUID after, int limit);

    /**
     * One institution without its departments: what other modules ask for (does it exist, is it active) on every
     * course they create, where loading the aggregate read all its departments as a second query (ADR 0041).
     */
    @Query("SELECT id, name, code, status, created_at FROM institution WHERE id = :id")
    Optional<InstitutionListing> findListingById(UUID id);
}
