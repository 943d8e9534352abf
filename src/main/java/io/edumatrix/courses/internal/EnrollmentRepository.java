package io.edumatrix.courses.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface EnrollmentRepository extends ListCrudRepository<Enrollment, UUID> {

    @Query("SELECT * FROM enrollment WHERE course_id = :courseId AND id > :after ORDER BY id LIMIT :limit")
    List<Enrollment> findPage(UUID courseId, UUID after, int limit);

    boolean existsByCourseIdAndStudentId(UUID courseId, UUID studentId);
}
