package io.edumatrix.courses.internal;

import java.time.Instant;
import java.util.UUID;

/** What the module answers with. */
final class Views {

    private Views() {}

    record CourseView(UUID id, UUID institutionId, String code, String title, String description,
            boolean enrollmentOpen, long version, Instant createdAt, Instant updatedAt) {

        static CourseView of(Course c) {
            return new CourseView(c.id(), c.institutionId(), c.code(), c.title(), c.description(), c.enrollmentOpen(),
                    c.version(), c.createdAt(), c.updatedAt());
        }
    }

    record EnrollmentView(UUID id, UUID courseId, UUID studentId, Instant enrolledAt) {

        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id(), e.courseId(), e.studentId(), e.enrolledAt());
        }
    }
}
