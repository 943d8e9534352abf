package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What feedback holds about a person, in every institution: their ratings and comments.
 *
 * <p>Erasure deletes them, ratings included, and forgets the person's key of this module, so that the comments'
 * copies in the audit trail and in backups stay unreadable (crypto-shredding). Ratings go rather than stay
 * anonymised: a rating kept without its author could no longer be told apart from the rest (so the "one per account"
 * rule would not hold for a returning person), and the row would still say when and in which institution someone
 * rated what. Summaries therefore change with an erasure; each deleted rating is announced as a
 * {@link FeedbackErased}, so that read models built from {@code FeedbackSubmitted} take it out as well.
 */
@Component
class FeedbackPersonalData implements PersonalDataHolder {

    private final PersonalFeedbackRepository data;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    FeedbackPersonalData(PersonalFeedbackRepository data, @Qualifier("feedback") PersonalDataVault vault,
            ApplicationEventPublisher events) {
        this.data = data;
        this.vault = vault;
        this.events = events;
    }

    record FeedbackData(UUID feedbackId, UUID institutionId, SubjectType subjectType, UUID subjectId, int rating,
            String comment, Feedback.Status status, Instant createdAt, Instant updatedAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("feedback", data.feedbackOf(accountId).stream().map(f -> new FeedbackData(f.id(),
                f.institutionId(), f.subjectType(), f.publicSubjectId(), f.rating(),
                vault.openOrNull(f.authorAccountId(), Feedback.COMMENT, f.id(), f.comment()), f.status(),
                f.createdAt(), f.updatedAt())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        var erased = data.feedbackOf(accountId);
        data.deleteFeedbackOf(accountId);
        erased.forEach(f -> events.publishEvent(FeedbackErased.of(f.institutionId(), f.id(), f.rating(),
                f.subjectType(), f.publicSubjectId())));
        vault.forget(accountId);
    }
}
