package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A part of a course holding lessons in order. Its version moves with every change to its set or order of lessons, so
 * that a reorder sent against an older version is told apart from one that still sees every lesson.
 */
@Table("course_section")
record Section(@Id UUID id, @Version Long version, UUID institutionId, UUID courseId, String title, int position,
        Instant createdAt, Instant updatedAt) {

    static Section of(Course course, String title, int position) {
        var now = Times.now();
        return new Section(Ids.next(), null, course.institutionId(), course.id(), title, position, now, now);
    }

    /** The same section with its lessons changed: saving it moves its version on. */
    Section touched() {
        return new Section(id, version, institutionId, courseId, title, position, createdAt, Times.now());
    }

    /**
     * The order {@code requested} of the section's lessons {@code current}, if it names each of them exactly once and
     * was asked for against {@code expectedVersion} (null: whatever the version is now).
     */
    List<UUID> reorder(Long expectedVersion, List<UUID> current, List<UUID> requested) {
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Section " + id + " is at version " + version + ", not " + expectedVersion);
        }
        var foreign = new LinkedHashSet<>(requested);
        current.forEach(foreign::remove);
        var missing = new LinkedHashSet<>(current);
        requested.forEach(missing::remove);
        boolean repeated = new HashSet<>(requested).size() != requested.size();
        if (!foreign.isEmpty() || !missing.isEmpty() || repeated) {
            throw CoursesProblems.LESSON_ORDER_MISMATCH.exception("The order must name each lesson of section " + id
                            + " exactly once" + (foreign.isEmpty() ? "" : "; not of this section: " + foreign)
                            + (missing.isEmpty() ? "" : "; left out: " + missing))
                    .with("field", "lessonIds")
                    .with("notInSection", List.copyOf(foreign))
                    .with("missing", List.copyOf(missing));
        }
        return List.copyOf(requested);
    }
}
