package io.edumatrix.notifications.internal;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.courses.CoursesApi;
import io.edumatrix.courses.EnrollmentCompleted;
import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.courses.LessonPublished;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications. Each runs in the event's institution and once per event (the
 * module's inbox), in one notifications transaction.
 */
@Component
class NotificationListeners {

    private final Notifier notifier;
    private final CoursesApi courses;

    NotificationListeners(Notifier notifier, CoursesApi courses) {
        this.notifier = notifier;
        this.courses = courses;
    }

    @ModuleListener("notifications")
    void on(EnrollmentCreated event) {
        notifier.notify(event.institutionId(), event.studentId(), Category.ENROLLMENT, event.enrollmentId(),
                event.courseId().toString(), event.eventId());
    }

    /** Every student enrolled in the course (or who completed it) hears of its new lesson; the detail is the course. */
    @ModuleListener("notifications")
    void on(LessonPublished event) {
        courses.learnersOf(event.courseId()).forEach(student -> notifier.notify(event.institutionId(), student,
                Category.LESSON, event.lessonId(), event.courseId().toString(), event.eventId()));
    }

    /** The student's certificate of the course is ready (its code is in their progress); the detail is the course. */
    @ModuleListener("notifications")
    void on(EnrollmentCompleted event) {
        notifier.notify(event.institutionId(), event.studentId(), Category.CERTIFICATE, event.enrollmentId(),
                event.courseId().toString(), event.eventId());
    }

    /** The detail is the new status: SUBMITTED to UNDER_REVIEW, ..., HIRED or REJECTED. */
    @ModuleListener("notifications")
    void on(ApplicationStatusChanged event) {
        notifier.notify(event.institutionId(), event.applicantAccountId(), Category.APPLICATION,
                event.applicationId(), event.toStatus(), event.eventId());
    }

    @ModuleListener("notifications")
    void on(ProposalAccepted event) {
        notifier.notify(event.institutionId(), event.freelancerAccountId(), Category.PROPOSAL, event.proposalId(),
                event.contractId().toString(), event.eventId());
    }

    @ModuleListener("notifications")
    void on(ContractCompleted event) {
        notifier.notify(event.institutionId(), event.clientAccountId(), Category.CONTRACT, event.contractId(), null,
                event.eventId());
        notifier.notify(event.institutionId(), event.freelancerAccountId(), Category.CONTRACT, event.contractId(),
                null, event.eventId());
    }

    @ModuleListener("notifications")
    void on(ArticlePublished event) {
        notifier.broadcast(event.institutionId(), Category.ARTICLE, event.articleId(), event.eventId());
    }

    /** The detail is the room. The author is never told of their own mention. */
    @ModuleListener("notifications")
    void on(MessagePosted event) {
        Recipients.ofMentions(event).forEach(account -> notifier.notify(event.institutionId(), account, Category.MENTION,
                        event.messageId(), event.roomId().toString(), event.eventId()));
    }

    /** Only a course's feedback has somebody to tell: its instructors, but not one who rated their own course. */
    @ModuleListener("notifications")
    void on(FeedbackSubmitted event) {
        if (!Recipients.concernInstructors(event)) {
            return;
        }
        Recipients.ofFeedback(event, courses.instructorsOf(event.subjectId()))
                .forEach(instructor -> notifier.notify(event.institutionId(), instructor, Category.FEEDBACK,
                        event.feedbackId(), event.subjectId().toString(), event.eventId()));
    }
}
