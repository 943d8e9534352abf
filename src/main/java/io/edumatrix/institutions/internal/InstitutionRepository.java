package io.edumatrix.institutions.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface InstitutionRepository extends ListCrudRepository<Institution, UUID> {

    /** One keyset page of institutions without their departments, ordered by id (creation order). */
    @Query("SELECT id, name, code, status, created_at FROM institution WHERE id > :after ORDER BY id LIMIT :limit")
    List<InstitutionListing> findPage(UUID after, int limit);
}
