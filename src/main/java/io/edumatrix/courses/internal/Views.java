package io.edumatrix.courses.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the module answers with. */
final class Views {

    private Views() {}

    record CourseView(UUID id, UUID institutionId, String code, String title, String description,
            boolean enrollmentOpen, Integer capacity, long version, Instant createdAt, Instant updatedAt) {

        static CourseView of(Course c) {
            return new CourseView(c.id(), c.institutionId(), c.code(), c.title(), c.description(), c.enrollmentOpen(),
                    c.capacity(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    record EnrollmentView(UUID id, UUID courseId, UUID studentId, Enrollment.Status status, Instant enrolledAt,
            Instant completedAt, Instant withdrawnAt) {

        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id(), e.courseId(), e.studentId(), e.status(), e.enrolledAt(), e.completedAt(),
                    e.withdrawnAt());
        }
    }

    /** A section as created; its lessons are in the outline. */
    record SectionView(UUID id, UUID courseId, String title, int position, long version) {

        static SectionView of(Section s) {
            return new SectionView(s.id(), s.courseId(), s.title(), s.position(), s.version());
        }
    }

    record LessonView(UUID id, UUID courseId, UUID sectionId, String title, Lesson.Kind kind, String body, String url,
            Integer durationMinutes, String instructions, Instant dueAt, Lesson.Status status, int position, long version,
            Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static LessonView of(Lesson l) {
            return new LessonView(l.id(), l.courseId(), l.sectionId(), l.title(), l.kind(), l.body(), l.url(),
                    l.durationMinutes(), l.instructions(), l.dueAt(), l.status(), l.position(), l.version(), l.createdAt(),
                    l.updatedAt(), l.publishedAt());
        }
    }

    /** A section with its lessons in order: the answer to a reorder, and a part of the outline. */
    record SectionLessonsView(UUID id, String title, int position, long version, List<LessonView> lessons) {

        static SectionLessonsView of(CourseContentService.Outline.SectionOutline s) {
            return new SectionLessonsView(s.section().id(), s.section().title(), s.section().position(),
                    s.section().version(), s.lessons().stream().map(LessonView::of).toList());
        }
    }

    record OutlineView(UUID courseId, String title, List<SectionLessonsView> sections) {

        static OutlineView of(CourseContentService.Outline o) {
            return new OutlineView(o.course().id(), o.course().title(),
                    o.sections().stream().map(SectionLessonsView::of).toList());
        }
    }

    /** The caller's progress in a course; the certificate's code once the course is completed. */
    record ProgressView(UUID courseId, UUID enrollmentId, Enrollment.Status status, long completedLessons,
            int totalLessons, int percent, Instant lastActivityAt, Instant completedAt, String certificateCode) {

        static ProgressView of(ProgressService.Mine m) {
            return new ProgressView(m.enrollment().courseId(), m.enrollment().id(), m.enrollment().status(),
                    m.progress().completedLessons(), m.progress().totalLessons(), m.progress().percent(),
                    m.figures().lastActivityAt(), m.enrollment().completedAt(), m.certificateCode());
        }
    }

    /** A line of the staff progress table: one student's enrollment and progress. */
    record ProgressRowView(UUID enrollmentId, UUID studentId, Enrollment.Status status, long completedLessons,
            int totalLessons, int percent, Instant lastActivityAt, Instant completedAt) {

        static ProgressRowView of(ProgressRepository.Row r, int totalLessons) {
            var progress = new Progress(r.completedLessons(), totalLessons);
            return new ProgressRowView(r.enrollmentId(), r.studentId(), r.status(), r.completedLessons(), totalLessons,
                    progress.percent(), r.lastActivityAt(), r.completedAt());
        }
    }

    /** All a certificate's verification reveals. */
    record CertificateView(String courseTitle, String institutionName, String holderName, Instant completedAt) {

        static CertificateView of(CertificateService.Verified v) {
            return new CertificateView(v.courseTitle(), v.institutionName(), v.holderName(), v.completedAt());
        }
    }
}
