package io.edumatrix.courses.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.testing.UnitTest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who enrolls whom, in which course, and how an enrollment ends: the rules of {@link Enrollment} and {@link Course}. */
@UnitTest
class EnrollmentRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");

    private static Caller caller(Role role) {
        return new Caller(UUID.randomUUID(), Optional.of(INSTITUTION), Set.of(role), Optional.empty());
    }

    private static Course course(boolean enrollmentOpen) {
        return new Course(UUID.randomUUID(), 0L, INSTITUTION, "ALG-1", "Algebra", "Groups", enrollmentOpen, null, THEN, THEN);
    }

    private static Course courseFor(int capacity) {
        return new Course(UUID.randomUUID(), 0L, INSTITUTION, "ALG-2", "Algebra", null, true, capacity, THEN, THEN);
    }

    @Test
    void a_course_with_a_capacity_takes_students_while_fewer_are_active() {
        assertThat(Enrollment.of(courseFor(2), UUID.randomUUID(), 1).status()).isEqualTo(Enrollment.Status.ACTIVE);
        var full = refusal(() -> Enrollment.of(courseFor(2), UUID.randomUUID(), 2), CoursesProblems.COURSE_FULL);

        assertThat(full.properties()).containsEntry("capacity", 2);
        assertThat(Enrollment.of(course(true), UUID.randomUUID(), 1_000_000).status()).isEqualTo(Enrollment.Status.ACTIVE);
    }

    @Test
    void an_active_enrollment_is_completed_or_withdrawn_once_and_then_stays_so() {
        var active = Enrollment.of(course(true), UUID.randomUUID(), 0);

        var withdrawn = active.withdrawn();
        var completed = active.completed();

        assertThat(withdrawn).extracting(Enrollment::status).isEqualTo(Enrollment.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(completed.completedAt()).isNotNull();
        refusal(withdrawn::withdrawn, ProblemType.INVALID_TRANSITION);
        refusal(withdrawn::completed, ProblemType.INVALID_TRANSITION);
        refusal(completed::withdrawn, ProblemType.INVALID_TRANSITION);
        refusal(completed::completed, ProblemType.INVALID_TRANSITION);
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
        refusal(() -> Enrollment.of(course(false), UUID.randomUUID(), 0), CoursesProblems.ENROLLMENT_CLOSED);
    }

    @Test
    void an_enrollment_is_of_the_course_and_its_institution() {
        var course = course(true);
        var student = UUID.randomUUID();

        var enrollment = Enrollment.of(course, student, 0);

        assertThat(enrollment.courseId()).isEqualTo(course.id());
        assertThat(enrollment.institutionId()).isEqualTo(INSTITUTION);
        assertThat(enrollment.studentId()).isEqualTo(student);
    }
}
