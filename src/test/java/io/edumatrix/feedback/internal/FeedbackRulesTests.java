package io.edumatrix.feedback.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.feedback.SubjectType;
import io.edumatrix.feedback.internal.Views.Summary;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What is rated, who sees a comment, how it is moderated and summed up: {@link Feedback} and its summary. */
@UnitTest
class FeedbackRulesTests {

    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID READER = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");

    private static Feedback feedback(Feedback.Status status) {
        return new Feedback(UUID.randomUUID(), 2L, UUID.randomUUID(), SubjectType.COURSE, UUID.randomUUID(), AUTHOR,
                4, new byte[0], status, THEN, THEN);
    }

    @Test
    void the_platform_is_rated_without_a_subject_id_and_everything_else_with_one() {
        var course = UUID.randomUUID();

        assertThat(Feedback.storedSubjectId(SubjectType.PLATFORM, null)).isEqualTo(Feedback.PLATFORM);
        assertThat(Feedback.storedSubjectId(SubjectType.COURSE, course)).isEqualTo(course);
        refusal(() -> Feedback.storedSubjectId(SubjectType.PLATFORM, course), PlatformProblems.INVALID_REQUEST);
        refusal(() -> Feedback.storedSubjectId(SubjectType.JOB, null), PlatformProblems.INVALID_REQUEST);
    }

    @Test
    void a_course_is_rated_only_by_its_learners_and_other_subjects_by_anyone() {
        var course = UUID.randomUUID();

        assertThatCode(() -> Feedback.requireAuthorMayRate(SubjectType.COURSE, course, AUTHOR, true))
                .doesNotThrowAnyException();
        refusal(() -> Feedback.requireAuthorMayRate(SubjectType.COURSE, course, AUTHOR, false),
                FeedbackProblems.NOT_A_LEARNER);
        assertThatCode(() -> Feedback.requireAuthorMayRate(SubjectType.JOB, UUID.randomUUID(), AUTHOR, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> Feedback.requireAuthorMayRate(SubjectType.PLATFORM, Feedback.PLATFORM, AUTHOR, false))
                .doesNotThrowAnyException();
    }

    @Test
    void a_hidden_comment_is_shown_only_to_its_author_and_to_moderators() {
        var hidden = feedback(Feedback.Status.HIDDEN);

        assertThat(hidden.showsCommentTo(READER, false)).isFalse();
        assertThat(hidden.showsCommentTo(AUTHOR, false)).isTrue();
        assertThat(hidden.showsCommentTo(READER, true)).isTrue();
        assertThat(feedback(Feedback.Status.VISIBLE).showsCommentTo(READER, false)).isTrue();
    }

    @Test
    void a_moderator_hides_a_visible_comment_as_of_the_version_they_read() {
        assertThatCode(() -> feedback(Feedback.Status.VISIBLE).requireModeratedTo(Feedback.Status.HIDDEN, 2L))
                .doesNotThrowAnyException();
        assertThatCode(() -> feedback(Feedback.Status.VISIBLE).requireModeratedTo(Feedback.Status.HIDDEN, null))
                .doesNotThrowAnyException();
        refusal(() -> feedback(Feedback.Status.VISIBLE).requireModeratedTo(Feedback.Status.HIDDEN, 1L),
                PlatformProblems.CONCURRENT_UPDATE);
        refusal(() -> feedback(Feedback.Status.HIDDEN).requireModeratedTo(Feedback.Status.HIDDEN, null),
                ProblemType.INVALID_TRANSITION);
    }

    @Test
    void a_summary_counts_every_rating_and_averages_them_to_two_places() {
        var summary = Summary.of(SubjectType.COURSE, UUID.randomUUID(), List.of(1L, 0L, 0L, 1L, 1L));

        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.average()).isEqualTo(new BigDecimal("3.33"));
        assertThat(summary.distribution()).containsExactly(java.util.Map.entry("1", 1L), java.util.Map.entry("2", 0L),
                java.util.Map.entry("3", 0L), java.util.Map.entry("4", 1L), java.util.Map.entry("5", 1L));
    }

    @Test
    void a_subject_without_ratings_has_no_average() {
        assertThat(Summary.of(SubjectType.PLATFORM, null, List.of(0L, 0L, 0L, 0L, 0L)).average()).isNull();
    }
}
