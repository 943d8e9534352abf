package io.edumatrix.courses;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the courses module. */
public interface CoursesApi {

    Optional<CourseSummary> findCourse(UUID id);
}
