package io.edumatrix.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's events, as its services publish them: one {@link FeedbackSubmitted} per submission, carrying the rating
 * it replaced, and one {@link FeedbackErased} per rating deleted with its author's personal data.
 */
@HttpApplicationTest
@RecordApplicationEvents
@IntegrationTest
class FeedbackEventsTests {

    private final FeedbackService feedback;
    private final FeedbackPersonalData personalData;
    private final TransactionTemplate inFeedback;

    FeedbackEventsTests(@Autowired FeedbackService feedback, @Autowired FeedbackPersonalData personalData,
            @Autowired @Qualifier("feedback") PlatformTransactionManager transactions) {
        this.feedback = feedback;
        this.personalData = personalData;
        this.inFeedback = new TransactionTemplate(transactions);
    }

    @Test
    void each_submission_is_announced_with_the_rating_it_replaced_and_an_erasure_with_the_ratings_it_took(
            ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var author = UUID.randomUUID();
        var other = UUID.randomUUID();

        var first = TenantContext.inInstitution(institution, () -> {
            var submitted = feedback.submit(institution, author, SubjectType.PLATFORM, null, 4, "Good").feedback();
            feedback.submit(institution, author, SubjectType.PLATFORM, null, 2, null);
            feedback.submit(institution, other, SubjectType.PLATFORM, null, 5, null);
            return submitted;
        });

        assertThat(events.stream(FeedbackSubmitted.class)).hasSize(3).allSatisfy(event -> {
            assertThat(event.version()).isEqualTo(FeedbackSubmitted.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.subjectType()).isEqualTo(SubjectType.PLATFORM);
            assertThat(event.subjectId()).isNull();
        }).extracting(FeedbackSubmitted::authorAccountId, FeedbackSubmitted::rating, FeedbackSubmitted::previousRating)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(author, 4, null),
                        org.assertj.core.groups.Tuple.tuple(author, 2, 4),
                        org.assertj.core.groups.Tuple.tuple(other, 5, null));
        assertThat(events.stream(FeedbackSubmitted.class).limit(2)).extracting(FeedbackSubmitted::feedbackId)
                .containsOnly(first.id());

        TenantContext.asDataSubject(author, () -> inFeedback.execute(status -> {
            personalData.erase(author);
            return null;
        }));

        assertThat(events.stream(FeedbackErased.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(FeedbackErased.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.feedbackId()).isEqualTo(first.id());
            assertThat(event.subjectType()).isEqualTo(SubjectType.PLATFORM);
            assertThat(event.rating()).isEqualTo(2);
        });
        assertThat(TenantContext.inInstitution(institution, () -> feedback.summary(SubjectType.PLATFORM, null)))
                .satisfies(summary -> assertThat(summary.count()).isEqualTo(1));
    }
}
