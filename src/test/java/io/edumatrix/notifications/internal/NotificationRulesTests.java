package io.edumatrix.notifications.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is told of what, which categories a reader receives, and where a page of them resumes. */
@UnitTest
class NotificationRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void nobody_is_told_of_their_own_mention() {
        var posted = MessagePosted.of(INSTITUTION, UUID.randomUUID(), UUID.randomUUID(), AUTHOR, List.of(AUTHOR, OTHER));

        assertThat(Recipients.ofMentions(posted)).containsExactly(OTHER);
        assertThat(Recipients.ofMentions(MessagePosted.of(INSTITUTION, UUID.randomUUID(), UUID.randomUUID(), AUTHOR,
                null))).isEmpty();
    }

    @Test
    void a_courses_instructors_are_told_of_its_feedback_but_not_one_who_rated_it() {
        var rated = FeedbackSubmitted.of(INSTITUTION, UUID.randomUUID(), SubjectType.COURSE, UUID.randomUUID(), AUTHOR,
                5, null);

        assertThat(Recipients.concernInstructors(rated)).isTrue();
        assertThat(Recipients.ofFeedback(rated, List.of(AUTHOR, OTHER))).containsExactly(OTHER);
    }

    @Test
    void feedback_on_the_platform_or_a_job_tells_nobody() {
        assertThat(Recipients.concernInstructors(FeedbackSubmitted.of(INSTITUTION, UUID.randomUUID(),
                SubjectType.PLATFORM, null, AUTHOR, 3, null))).isFalse();
        assertThat(Recipients.concernInstructors(FeedbackSubmitted.of(INSTITUTION, UUID.randomUUID(),
                SubjectType.JOB, UUID.randomUUID(), AUTHOR, 3, null))).isFalse();
    }

    @Test
    void a_reader_receives_every_category_but_the_ones_switched_off() {
        var preferences = Category.preferences(List.of("ARTICLE", "MENTION"));

        assertThat(preferences).hasSize(Category.values().length).containsEntry(Category.ARTICLE, false)
                .containsEntry(Category.MENTION, false).containsEntry(Category.ENROLLMENT, true);
    }

    @Test
    void a_page_resumes_from_the_cursor_it_handed_out_and_nothing_else() {
        var cursor = new Cursor(true, UUID.randomUUID());

        assertThat(Cursor.parse(cursor.toString())).isEqualTo(cursor);
        assertThat(Cursor.parse(null)).isEqualTo(Cursor.START);
        refusal(() -> Cursor.parse(UUID.randomUUID().toString()), PlatformProblems.INVALID_REQUEST);
        refusal(() -> Cursor.parse("seen." + UUID.randomUUID()), PlatformProblems.INVALID_REQUEST);
    }
}
