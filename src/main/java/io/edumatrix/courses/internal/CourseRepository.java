package io.edumatrix.courses.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CourseRepository extends ListCrudRepository<Course, UUID> {

    /** One keyset page of an institution's courses, in creation order. */
    @Query("SELECT * FROM course WHERE institution_id = :institutionId AND id > :after ORDER BY id LIMIT :limit")
    List<Course> findPage(UUID institutionId, UUID after, int limit);

    /** The course, locked until the transaction ends, so that additions to it (its sections) follow each other. */
    @Query("SELECT * FROM course WHERE id = :id FOR UPDATE")
    Optional<Course> lockById(UUID id);

    @Modifying
    @Query("UPDATE course SET enrollment_open = false, version = version + 1, updated_at = now()"
            + " WHERE institution_id = :institutionId AND enrollment_open")
    int closeEnrollmentOfInstitution(UUID institutionId);
}
