package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A record that enrollment was closed for every course of an institution at once. */
@Table("enrollment_closure")
record EnrollmentClosure(@Id UUID id, @Version Long version, UUID institutionId, String reason, int closedCourses,
        Instant closedAt) {

    static EnrollmentClosure of(UUID institutionId, String reason, int closedCourses) {
        return new EnrollmentClosure(Ids.next(), null, institutionId, reason, closedCourses, Times.now());
    }
}
