package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A student's place in a course. Its own aggregate: a course may have thousands of them. */
@Table("enrollment")
record Enrollment(@Id UUID id, @Version Long version, UUID institutionId, UUID courseId, UUID studentId, Instant enrolledAt) {

    static Enrollment of(Course course, UUID studentId) {
        return new Enrollment(Ids.next(), null, course.institutionId(), course.id(), studentId, Times.now());
    }
}
