package io.edumatrix.courses.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SectionRepository extends ListCrudRepository<Section, UUID> {

    /** The course's section, locked until the transaction ends, so that changes to its lessons follow each other. */
    @Query("SELECT * FROM course_section WHERE id = :id AND course_id = :courseId FOR UPDATE")
    Optional<Section> lockInCourse(UUID id, UUID courseId);

    @Query("SELECT COALESCE(max(position), 0) + 1 FROM course_section WHERE course_id = :courseId")
    int nextPosition(UUID courseId);

    @Query("SELECT * FROM course_section WHERE course_id = :courseId ORDER BY position")
    List<Section> findByCourseInOrder(UUID courseId);
}
