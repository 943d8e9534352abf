package io.edumatrix.courses.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.security.Caller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A student's place in a course. Its own aggregate: a course may have thousands of them. It is ACTIVE until the
 * student completes the course or withdraws (or staff withdraw them); a withdrawn student may enroll again, in a new
 * enrollment.
 */
@Table("enrollment")
record Enrollment(@Id UUID id, @Version Long version, UUID institutionId, UUID courseId, UUID studentId, Instant enrolledAt,
        Status status, Instant completedAt, Instant withdrawnAt) {

    enum Status { ACTIVE, COMPLETED, WITHDRAWN }

    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class).named("enrollment")
            .allow(Status.ACTIVE, Status.COMPLETED, Status.WITHDRAWN)
            .build();

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

    /** A new active enrollment, if the course is open and has a place among its {@code activeEnrollments}. */
    static Enrollment of(Course course, UUID studentId, long activeEnrollments) {
        course.requireEnrollmentOpen();
        course.requireRoomFor(activeEnrollments);
        return new Enrollment(Ids.next(), null, course.institutionId(), course.id(), studentId, Times.now(), Status.ACTIVE,
                null, null);
    }

    /** Only a student enrolled now, or who completed the course, makes progress in it: not one withdrawn or never enrolled. */
    static DomainException notEnrolled(UUID courseId) {
        return CoursesProblems.NOT_ENROLLED.exception("The student is not enrolled in course " + courseId)
                .with("field", "courseId");
    }

    Enrollment withdrawn() {
        LIFECYCLE.check(status, Status.WITHDRAWN);
        return new Enrollment(id, version, institutionId, courseId, studentId, enrolledAt, Status.WITHDRAWN, completedAt,
                Times.now());
    }

    Enrollment completed() {
        LIFECYCLE.check(status, Status.COMPLETED);
        return new Enrollment(id, version, institutionId, courseId, studentId, enrolledAt, Status.COMPLETED, Times.now(),
                withdrawnAt);
    }
}
