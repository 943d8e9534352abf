package io.edumatrix.courses.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** A student's enrollments in every institution, for their export and erasure (with the student bound as data subject). */
interface PersonalEnrollmentRepository extends Repository<Enrollment, UUID> {

    @Query("SELECT * FROM enrollment WHERE student_id = :studentId ORDER BY enrolled_at, id")
    List<Enrollment> findByStudentId(UUID studentId);

    @Modifying
    @Query("DELETE FROM enrollment WHERE student_id = :studentId")
    int deleteByStudentId(UUID studentId);
}
