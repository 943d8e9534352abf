package io.edumatrix.courses.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface LessonRepository extends ListCrudRepository<Lesson, UUID> {

    @Query("SELECT * FROM lesson WHERE id = :id AND course_id = :courseId")
    Optional<Lesson> findInCourse(UUID id, UUID courseId);

    @Query("SELECT * FROM lesson WHERE section_id = :sectionId ORDER BY position")
    List<Lesson> findBySectionInOrder(UUID sectionId);

    @Query("SELECT COALESCE(max(position), 0) + 1 FROM lesson WHERE section_id = :sectionId")
    int nextPosition(UUID sectionId);

    /** Every lesson of the course, or only those in {@code statuses}, grouped by section, each group in order. */
    @Query("SELECT * FROM lesson WHERE course_id = :courseId AND status IN (:statuses) ORDER BY section_id, position")
    List<Lesson> findOutline(UUID courseId, List<String> statuses);
}
