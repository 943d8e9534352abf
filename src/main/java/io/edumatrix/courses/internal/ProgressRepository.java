package io.edumatrix.courses.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Students' progress through lessons (lesson_progress). Writes are upserts on (enrollment, lesson), so that a lesson
 * completed twice, or by two concurrent calls, is one row completed at the first time; {@link #complete} answers 1 for
 * that first time only (the second call waits for the first one's row and then finds it completed).
 */
interface ProgressRepository extends Repository<Enrollment, UUID> {

    @Modifying
    @Query("INSERT INTO lesson_progress (id, institution_id, course_id, enrollment_id, lesson_id, student_id, completed_at,"
            + " updated_at) VALUES (:id, :institutionId, :courseId, :enrollmentId, :lessonId, :studentId, :at, :at)"
            + " ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET"
            + " completed_at = EXCLUDED.completed_at, updated_at = EXCLUDED.updated_at"
            + " WHERE lesson_progress.completed_at IS NULL")
    int complete(UUID id, UUID institutionId, UUID courseId, UUID enrollmentId, UUID lessonId, UUID studentId, Instant at);

    @Modifying
    @Query("INSERT INTO lesson_progress (id, institution_id, course_id, enrollment_id, lesson_id, student_id,"
            + " position_seconds, updated_at) VALUES (:id, :institutionId, :courseId, :enrollmentId, :lessonId, :studentId,"
            + " :seconds, :at) ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET"
            + " position_seconds = EXCLUDED.position_seconds, updated_at = EXCLUDED.updated_at")
    int watch(UUID id, UUID institutionId, UUID courseId, UUID enrollmentId, UUID lessonId, UUID studentId, int seconds,
            Instant at);

    @Query("SELECT count(*) FROM lesson WHERE course_id = :courseId AND status = 'PUBLISHED'")
    int countPublished(UUID courseId);

    /** One enrollment's figures: its completed published lessons and its last activity. */
    @Query("SELECT count(*) FILTER (WHERE p.completed_at IS NOT NULL AND l.status = 'PUBLISHED') AS completed_lessons,"
            + " max(p.updated_at) AS last_activity_at"
            + " FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id WHERE p.enrollment_id = :enrollmentId")
    Figures figuresOf(UUID enrollmentId);

    /** One keyset page of a course's current enrollments with their figures, for the staff progress table. */
    @Query("SELECT e.id AS enrollment_id, e.student_id, e.status, e.completed_at,"
            + " (SELECT count(*) FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id AND l.status = 'PUBLISHED'"
            + "   WHERE p.enrollment_id = e.id AND p.completed_at IS NOT NULL) AS completed_lessons,"
            + " (SELECT max(p.updated_at) FROM lesson_progress p WHERE p.enrollment_id = e.id) AS last_activity_at"
            + " FROM enrollment e WHERE e.course_id = :courseId AND e.status <> 'WITHDRAWN' AND e.id > :after"
            + " ORDER BY e.id LIMIT :limit")
    List<Row> findPage(UUID courseId, UUID after, int limit);

    /** The person's progress in every institution, for their export (with them bound as data subject). */
    @Query("SELECT course_id, lesson_id, position_seconds, completed_at, updated_at FROM lesson_progress"
            + " WHERE student_id = :studentId ORDER BY updated_at, id")
    List<Exported> findByStudentId(UUID studentId);

    @Modifying
    @Query("DELETE FROM lesson_progress WHERE student_id = :studentId")
    int deleteByStudentId(UUID studentId);

    record Exported(UUID courseId, UUID lessonId, Integer positionSeconds, Instant completedAt, Instant updatedAt) {}

    record Figures(long completedLessons, Instant lastActivityAt) {}

    record Row(UUID enrollmentId, UUID studentId, Enrollment.Status status, Instant completedAt, long completedLessons,
            Instant lastActivityAt) {}
}
