package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.feedback.internal.Views.FeedbackView;
import io.edumatrix.feedback.internal.Views.Summary;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting, reading and moderating feedback, all within the caller's institution: row-level security hides every
 * other one's, so another institution's feedback is simply not found.
 */
@Service
@Transactional("feedback")
class FeedbackService {

    private final FeedbackRepository feedback;
    private final Subjects subjects;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    FeedbackService(FeedbackRepository feedback, Subjects subjects, @Qualifier("feedback") PersonalDataVault vault,
            ApplicationEventPublisher events) {
        this.feedback = feedback;
        this.subjects = subjects;
        this.vault = vault;
        this.events = events;
    }

    /** Who reads: their own comments and, for a moderator, hidden ones are shown to them. */
    record Reader(UUID accountId, boolean moderator) {}

    /** The feedback as it now stands, and whether it is new rather than a replacement. */
    record Submission(FeedbackView feedback, boolean created) {}

    /**
     * The account's feedback on the subject, new or replacing its earlier one; a course only from its learners, so one
     * who withdrew since rating it cannot rate it again. A concurrent first submission of the
     * same account may insert between this one's look-up and insert: the insert then does nothing (unique key,
     * ON CONFLICT DO NOTHING, which waits for the other to commit), and the second look-up finds that row to replace.
     */
    Submission submit(UUID institutionId, UUID accountId, SubjectType type, UUID subjectId, int rating, String comment) {
        var subject = subjects.require(type, subjectId);
        Feedback.requireAuthorMayRate(type, subject, accountId, subjects.tookPart(type, subject, accountId));
        var reader = new Reader(accountId, false);
        for (var attempt = 1; attempt <= 2; attempt++) {
            var existing = feedback.findOwnForUpdate(type.name(), subject, accountId);
            if (existing.isPresent()) {
                var earlier = existing.get();
                feedback.replace(earlier.id(), rating,
                        vault.sealOrNull(accountId, Feedback.COMMENT, earlier.id(), comment));
                return new Submission(announced(earlier.id(), earlier.rating(), reader), false);
            }
            var id = Ids.next();
            if (feedback.insertIfAbsent(id, institutionId, type.name(), subject, accountId, rating,
                    vault.sealOrNull(accountId, Feedback.COMMENT, id, comment)) == 1) {
                return new Submission(announced(id, null, reader), true);
            }
        }
        throw new IllegalStateException("Feedback of account " + accountId + " on " + type + " " + subject
                + " neither inserted nor found");
    }

    @Transactional(value = "feedback", readOnly = true)
    FeedbackView get(UUID id, Reader reader) {
        return view(find(id), reader);
    }

    @Transactional(value = "feedback", readOnly = true)
    Page<FeedbackView> list(SubjectType type, UUID subjectId, UUID after, int limit, Reader reader) {
        var subject = subjects.require(type, subjectId);
        return Page.of(feedback.findPage(type.name(), subject, Page.after(after), limit + 1), limit, Feedback::id)
                .map(f -> view(f, reader));
    }

    @Transactional(value = "feedback", readOnly = true)
    Page<FeedbackView> mine(UUID accountId, UUID after, int limit) {
        var reader = new Reader(accountId, false);
        return Page.of(feedback.findPageOf(accountId, Page.after(after), limit + 1), limit, Feedback::id)
                .map(f -> view(f, reader));
    }

    @Transactional(value = "feedback", readOnly = true)
    Summary summary(SubjectType type, UUID subjectId) {
        var subject = subjects.require(type, subjectId);
        return Summary.of(type, type == SubjectType.PLATFORM ? null : subject,
                feedback.distribution(type.name(), subject));
    }

    /**
     * Hides or shows a comment again. {@code version}, when given, must be the one the moderator read; either way the
     * change applies only to the version checked here, so two moderators at once cannot both succeed.
     */
    FeedbackView changeStatus(UUID id, Feedback.Status status, Long version, Reader moderator) {
        var current = find(id);
        current.requireModeratedTo(status, version);
        if (feedback.changeStatus(id, status.name(), current.version()) == 0) {
            throw current.changedMeanwhile();
        }
        return view(find(id), moderator);
    }

    /** Publishes the submission of the feedback as just written, in this transaction, and answers it. */
    private FeedbackView announced(UUID id, Integer previousRating, Reader author) {
        var stored = find(id);
        events.publishEvent(FeedbackSubmitted.of(stored.institutionId(), id, stored.subjectType(),
                stored.publicSubjectId(), stored.authorAccountId(), stored.rating(), previousRating));
        return view(stored, author);
    }

    private Feedback find(UUID id) {
        return feedback.findById(id).orElseThrow(() -> DomainException.notFound("Feedback", id));
    }

    private FeedbackView view(Feedback f, Reader reader) {
        var mine = f.authorAccountId().equals(reader.accountId());
        var comment = f.showsCommentTo(reader.accountId(), reader.moderator()) ? vault.openOrNull(f.authorAccountId(), Feedback.COMMENT, f.id(), f.comment()) : null;
        return new FeedbackView(f.id(), f.subjectType(), f.publicSubjectId(), f.rating(), comment, f.status(), mine,
                f.version(), f.createdAt(), f.updatedAt());
    }
}
