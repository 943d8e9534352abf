package io.edumatrix.courses.internal;

import io.edumatrix.courses.EnrollmentCompleted;
import io.edumatrix.courses.LessonCompleted;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.web.Page;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Students' progress through a course's lessons, and the enrollment's completion it leads to. */
@Service
@Transactional("courses")
class ProgressService {

    private final CourseRepository courses;
    private final LessonRepository lessons;
    private final EnrollmentRepository enrollments;
    private final ProgressRepository progress;
    private final CertificateService certificates;
    private final ApplicationEventPublisher events;

    ProgressService(CourseRepository courses, LessonRepository lessons, EnrollmentRepository enrollments,
            ProgressRepository progress, CertificateService certificates, ApplicationEventPublisher events) {
        this.certificates = certificates;
        this.events = events;
        this.courses = courses;
        this.lessons = lessons;
        this.enrollments = enrollments;
        this.progress = progress;
    }

    /**
     * The lesson complete for the student (again: nothing changes, and nothing is published), and their enrollment
     * COMPLETED once every
     * published lesson is. The completion is counted under the enrollment's row lock, so of concurrent calls for the
     * last lessons exactly one sees them all, completes the enrollment and issues its certificate, and no other one
     * does it again.
     */
    void complete(UUID courseId, UUID lessonId, UUID studentId) {
        var enrollment = learning(courseId, studentId);
        var lesson = lessonOf(courseId, lessonId);
        lesson.requireOpenToStudents();
        if (progress.complete(Ids.next(), enrollment.institutionId(), courseId, enrollment.id(), lessonId, studentId,
                Times.now()) == 0) {
            return;
        }
        events.publishEvent(LessonCompleted.of(enrollment.institutionId(), courseId, lessonId, enrollment.id(), studentId));
        var locked = enrollments.lockById(enrollment.id()).orElseThrow();
        if (locked.status() == Enrollment.Status.ACTIVE && progressOf(locked).complete()) {
            var completed = enrollments.save(locked.completed());
            certificates.issue(completed);
            events.publishEvent(EnrollmentCompleted.of(completed.institutionId(), courseId, completed.id(), studentId));
        }
    }

    /** The position the student reached in a VIDEO lesson, in seconds. */
    void watch(UUID courseId, UUID lessonId, UUID studentId, int seconds) {
        var enrollment = learning(courseId, studentId);
        var lesson = lessonOf(courseId, lessonId);
        lesson.requireOpenToStudents();
        lesson.requireVideo();
        progress.watch(Ids.next(), enrollment.institutionId(), courseId, enrollment.id(), lessonId, studentId, seconds,
                Times.now());
    }

    /** The student's current enrollment in the course with its progress; none: 404. */
    @Transactional(value = "courses", readOnly = true)
    Mine mine(UUID courseId, UUID studentId) {
        var enrollment = enrollments.findCurrent(courseId, studentId)
                .orElseThrow(() -> DomainException.notFound("Enrollment in course", courseId));
        var figures = progress.figuresOf(enrollment.id());
        return new Mine(enrollment, new Progress(figures.completedLessons(), progress.countPublished(courseId)), figures,
                certificates.codeOf(enrollment.id()).orElse(null));
    }

    /** One keyset page of the course's current enrollments with each one's progress, for its staff. */
    @Transactional(value = "courses", readOnly = true)
    Table table(UUID courseId, UUID after, int limit) {
        courses.findById(courseId).orElseThrow(() -> DomainException.notFound("Course", courseId));
        return new Table(progress.countPublished(courseId),
                Page.of(progress.findPage(courseId, Page.after(after), limit + 1), limit, ProgressRepository.Row::enrollmentId));
    }

    private Progress progressOf(Enrollment enrollment) {
        return new Progress(progress.figuresOf(enrollment.id()).completedLessons(),
                progress.countPublished(enrollment.courseId()));
    }

    /** The student's enrollment, if they are learning in the course; a course out of sight is a 404 first. */
    private Enrollment learning(UUID courseId, UUID studentId) {
        courses.findById(courseId).orElseThrow(() -> DomainException.notFound("Course", courseId));
        return enrollments.findCurrent(courseId, studentId).orElseThrow(() -> Enrollment.notEnrolled(courseId));
    }

    private Lesson lessonOf(UUID courseId, UUID lessonId) {
        return lessons.findInCourse(lessonId, courseId).orElseThrow(() -> DomainException.notFound("Lesson", lessonId));
    }

    record Mine(Enrollment enrollment, Progress progress, ProgressRepository.Figures figures, String certificateCode) {}

    record Table(int totalLessons, Page<ProgressRepository.Row> rows) {}
}
