package io.edumatrix.courses.internal;

import io.edumatrix.courses.CourseCreated;
import io.edumatrix.courses.CourseSummary;
import io.edumatrix.courses.CoursesApi;
import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.courses.EnrollmentWithdrawn;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.web.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional("courses")
class CourseService implements CoursesApi {

    private final CourseRepository courses;
    private final EnrollmentRepository enrollments;
    private final InstitutionsApi institutions;
    private final ApplicationEventPublisher events;
    private final CourseInstructorRepository instructors;

    CourseService(CourseRepository courses, EnrollmentRepository enrollments, InstitutionsApi institutions,
            ApplicationEventPublisher events, CourseInstructorRepository instructors) {
        this.courses = courses;
        this.enrollments = enrollments;
        this.institutions = institutions;
        this.events = events;
        this.instructors = instructors;
    }

    Course create(UUID institutionId, String code, String title, String description, Integer capacity) {
        var institution = institutions.findInstitution(institutionId)
                .orElseThrow(() -> CoursesProblems.UNKNOWN_INSTITUTION.exception(
                        "Institution " + institutionId + " does not exist"));
        if (!institution.active()) {
            throw CoursesProblems.INACTIVE_INSTITUTION.exception("Institution " + institutionId + " is deactivated");
        }
        try {
            var course = courses.insert(Course.create(institutionId, code, title, description, capacity));
            events.publishEvent(CourseCreated.of(institutionId, course.id()));
            return course;
        } catch (DuplicateKeyException e) {
            throw CoursesProblems.DUPLICATE_CODE.exception(
                    "A course with code '" + code + "' already exists in institution " + institutionId);
        }
    }

    /** A course created by a staff member, who teaches it. */
    Course create(UUID institutionId, String code, String title, String description, Integer capacity,
            UUID instructorAccountId) {
        var course = create(institutionId, code, title, description, capacity);
        instructors.assign(Ids.next(), institutionId, course.id(), instructorAccountId, Times.now());
        return course;
    }

    @Transactional(value = "courses", readOnly = true)
    Course get(UUID id) {
        return courses.findById(id).orElseThrow(() -> DomainException.notFound("Course", id));
    }

    @Transactional(value = "courses", readOnly = true)
    Page<Course> list(UUID institutionId, UUID after, int limit) {
        return Page.of(courses.findPage(institutionId, Page.after(after), limit + 1), limit, Course::id);
    }

    Course describe(UUID id, String title, String description, Integer capacity) {
        var course = get(id);
        course.describe(title, description, capacity);
        return courses.save(course);
    }

    /**
     * The course's row stays locked from the count of its active enrollments to the new one's insert, so that
     * concurrent enrollments take its places one after the other and never more than its capacity.
     */
    Enrollment enroll(UUID courseId, UUID studentId) {
        var course = courses.lockById(courseId).orElseThrow(() -> DomainException.notFound("Course", courseId));
        institutions.membershipInCurrentInstitution(studentId)
                .filter(membership -> membership.role() == Role.STUDENT)
                .orElseThrow(() -> CoursesProblems.NOT_A_STUDENT.exception(
                        "Account " + studentId + " is not a student of the course's institution"));
        Enrollment enrollment;
        try {
            enrollment = enrollments.save(Enrollment.of(course, studentId, enrollments.countActive(courseId)));
        } catch (DuplicateKeyException e) {
            throw CoursesProblems.ALREADY_ENROLLED.exception("Student " + studentId + " is already enrolled in course " + courseId);
        }
        events.publishEvent(EnrollmentCreated.of(course.institutionId(), enrollment.id(), courseId, studentId));
        return enrollment;
    }

    /** The caller's own enrollment in the course, withdrawn; none that is active: 404. */
    Enrollment withdrawOwn(UUID courseId, UUID studentId) {
        var enrollment = enrollments.findCurrent(courseId, studentId)
                .orElseThrow(() -> DomainException.notFound("Enrollment in course", courseId));
        return withdrawn(enrollment);
    }

    /** A student's enrollment withdrawn by staff of the course's institution. */
    Enrollment withdraw(UUID courseId, UUID enrollmentId) {
        var enrollment = enrollments.findInCourse(enrollmentId, courseId)
                .orElseThrow(() -> DomainException.notFound("Enrollment", enrollmentId));
        return withdrawn(enrollment);
    }

    private Enrollment withdrawn(Enrollment enrollment) {
        var withdrawn = enrollments.save(enrollment.withdrawn());
        events.publishEvent(EnrollmentWithdrawn.of(withdrawn.institutionId(), withdrawn.courseId(), withdrawn.id(),
                withdrawn.studentId()));
        return withdrawn;
    }

    @Transactional(value = "courses", readOnly = true)
    Page<Enrollment> enrollments(UUID courseId, UUID after, int limit) {
        get(courseId);
        return Page.of(enrollments.findPage(courseId, Page.after(after), limit + 1), limit, Enrollment::id);
    }

    @Override
    @Transactional(value = "courses", readOnly = true)
    public Optional<CourseSummary> findCourse(UUID id) {
        return courses.findById(id)
                .map(c -> new CourseSummary(c.id(), c.institutionId(), c.code(), c.title(), c.enrollmentOpen()));
    }

    @Override
    @Transactional(value = "courses", readOnly = true)
    public List<UUID> instructorsOf(UUID courseId) {
        return instructors.instructorsOf(courseId);
    }

    @Override
    @Transactional(value = "courses", readOnly = true)
    public List<UUID> learnersOf(UUID courseId) {
        return enrollments.learnersOf(courseId);
    }

    @Override
    @Transactional(value = "courses", readOnly = true)
    public boolean hasTakenPart(UUID courseId, UUID studentAccountId) {
        return enrollments.isLearner(courseId, studentAccountId);
    }
}
