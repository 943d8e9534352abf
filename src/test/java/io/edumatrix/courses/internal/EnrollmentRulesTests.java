package io.edumatrix.courses.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.testing.UnitTest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who enrolls whom, and in which course: the rules of {@link Enrollment} and {@link Course}. */
@UnitTest
class EnrollmentRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");

    private static Caller caller(Role role) {
        return new Caller(UUID.randomUUID(), Optional.of(INSTITUTION), Set.of(role), Optional.empty());
    }

    private static Course course(boolean enrollmentOpen) {
        return new Course(UUID.randomUUID(), 0L, INSTITUTION, "ALG-1", "Algebra", "Groups", enrollmentOpen, THEN, THEN);
    }

    @Test
    void a_student_enrolls_only_themselves() {
        var student = caller(Role.STUDENT);

        assertThat(Enrollment.studentEnrolledBy(student, null)).isEqualTo(student.accountId());
        assertThat(Enrollment.studentEnrolledBy(student, student.accountId())).isEqualTo(student.accountId());
        refusal(() -> Enrollment.studentEnrolledBy(student, UUID.randomUUID()), CoursesProblems.FORBIDDEN);
    }

    @Test
    void staff_enroll_any_student() {
        var someone = UUID.randomUUID();

        assertThat(Enrollment.studentEnrolledBy(caller(Role.INSTRUCTOR), someone)).isEqualTo(someone);
    }

    @Test
    void a_course_with_enrollment_closed_takes_no_student() {
        refusal(() -> Enrollment.of(course(false), UUID.randomUUID()), CoursesProblems.ENROLLMENT_CLOSED);
    }

    @Test
    void an_enrollment_is_of_the_course_and_its_institution() {
        var course = course(true);
        var student = UUID.randomUUID();

        var enrollment = Enrollment.of(course, student);

        assertThat(enrollment.courseId()).isEqualTo(course.id());
        assertThat(enrollment.institutionId()).isEqualTo(INSTITUTION);
        assertThat(enrollment.studentId()).isEqualTo(student);
    }
}
