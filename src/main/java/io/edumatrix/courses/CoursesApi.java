package io.edumatrix.courses;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the courses module. */
public interface CoursesApi {

    Optional<CourseSummary> findCourse(UUID id);

    /** The accounts teaching the course, in the bound institution; none for a course that does not exist. */
    List<UUID> instructorsOf(UUID courseId);

    /** The students enrolled in the course now or who completed it, in the bound institution; not those withdrawn. */
    List<UUID> learnersOf(UUID courseId);

    /**
     * Whether the student is enrolled in the course now or completed it, in the bound institution; one withdrawn, or
     * never enrolled, has not taken part.
     */
    boolean hasTakenPart(UUID courseId, UUID studentAccountId);
}
