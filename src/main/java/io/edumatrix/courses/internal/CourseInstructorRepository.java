package io.edumatrix.courses.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Who teaches which course (course_instructor), in the bound institution or, for erasure, of the data subject. */
interface CourseInstructorRepository extends Repository<Course, UUID> {

    @Modifying
    @Query("INSERT INTO course_instructor (id, institution_id, course_id, account_id, assigned_at)"
            + " VALUES (:id, :institutionId, :courseId, :accountId, :at) ON CONFLICT DO NOTHING")
    int assign(UUID id, UUID institutionId, UUID courseId, UUID accountId, Instant at);

    @Query("SELECT account_id FROM course_instructor WHERE course_id = :courseId ORDER BY account_id")
    List<UUID> instructorsOf(UUID courseId);

    @Query("SELECT course_id FROM course_instructor WHERE account_id = :accountId ORDER BY course_id")
    List<UUID> coursesTaughtBy(UUID accountId);

    @Modifying
    @Query("DELETE FROM course_instructor WHERE account_id = :accountId")
    int deleteByAccountId(UUID accountId);
}
