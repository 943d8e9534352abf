package io.edumatrix.courses.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface EnrollmentRepository extends ListCrudRepository<Enrollment, UUID> {

    @Query("SELECT * FROM enrollment WHERE course_id = :courseId AND id > :after ORDER BY id LIMIT :limit")
    List<Enrollment> findPage(UUID courseId, UUID after, int limit);

    /** Whether the student is enrolled in the course now, or completed it: who may read its published lessons. */
    @Query("SELECT EXISTS (SELECT 1 FROM enrollment WHERE course_id = :courseId AND student_id = :studentId"
            + " AND status <> 'WITHDRAWN')")
    boolean isLearner(UUID courseId, UUID studentId);

    @Query("SELECT student_id FROM enrollment WHERE course_id = :courseId AND status <> 'WITHDRAWN' ORDER BY id")
    List<UUID> learnersOf(UUID courseId);

    @Query("SELECT * FROM enrollment WHERE course_id = :courseId AND student_id = :studentId AND status <> 'WITHDRAWN'")
    Optional<Enrollment> findCurrent(UUID courseId, UUID studentId);

    @Query("SELECT * FROM enrollment WHERE id = :id AND course_id = :courseId")
    Optional<Enrollment> findInCourse(UUID id, UUID courseId);

    /** The enrollment, locked until the transaction ends: completions of its lessons decide its completion in turn. */
    @Query("SELECT * FROM enrollment WHERE id = :id FOR UPDATE")
    Optional<Enrollment> lockById(UUID id);

    @Query("SELECT count(*) FROM enrollment WHERE course_id = :courseId AND status = 'ACTIVE'")
    long countActive(UUID courseId);
}
