package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.security.Caller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A student's place in a course. Its own aggregate: a course may have thousands of them. */
@Table("enrollment")
record Enrollment(@Id UUID id, @Version Long version, UUID institutionId, UUID courseId, UUID studentId, Instant enrolledAt) {

    /**
     * Whom {@code caller} enrolls when asking for {@code requested} (null: themselves): a student enrolls only
     * themselves, staff any student of the institution.
     */
    static UUID studentEnrolledBy(Caller caller, UUID requested) {
        var studentId = requested == null ? caller.accountId() : requested;
        if (!caller.staff() && !studentId.equals(caller.accountId())) {
            throw CoursesProblems.FORBIDDEN.exception("Students enroll only themselves");
        }
        return studentId;
    }

    static Enrollment of(Course course, UUID studentId) {
        course.requireEnrollmentOpen();
        return new Enrollment(Ids.next(), null, course.institutionId(), course.id(), studentId, Times.now());
    }
}
