package io.edumatrix.courses.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CourseRepository extends ListCrudRepository<Course, UUID> {

    /**
     * A course created by {@link Course#create}, written out: {@code save} would render the INSERT's SQL anew and map
     * its parameters through the aggregate's metadata on every call, about 8 % of the JVM's time per
     * {@code POST /api/courses} in a profile of it (ADR 0044).
     */
    @Modifying
    @Query("""
            INSERT INTO course (id, version, institution_id, code, title, description, enrollment_open, capacity,
                    created_at, updated_at)
            VALUES (:id, 0, :institutionId, :code, :title, :description, true, :capacity, :createdAt, :createdAt)""")
    void insertCreated(UUID id, UUID institutionId, String code, String title, String description, Integer capacity,
            Instant createdAt);

    /** Inserts a course made by {@link Course#create}, with {@link #insertCreated}, and returns it. */
    default Course insert(Course created) {
        insertCreated(created.id(), created.institutionId(), created.code(), created.title(), created.description(),
                created.capacity(), created.createdAt());
        return created;
    }

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
