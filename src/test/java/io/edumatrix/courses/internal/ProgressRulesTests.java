package io.edumatrix.courses.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.internal.Lesson.Content;
import io.edumatrix.courses.internal.Lesson.Kind;
import io.edumatrix.courses.internal.Lesson.Status;
import io.edumatrix.platform.testing.UnitTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a course counts as complete, and which lessons a student may complete or watch. */
@UnitTest
class ProgressRulesTests {

    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");
    private static final Section SECTION = new Section(UUID.randomUUID(), 0L, UUID.randomUUID(), UUID.randomUUID(),
            "Basics", 1, THEN, THEN);

    @Test
    void progress_is_the_share_of_published_lessons_completed_and_complete_only_when_all_are() {
        assertThat(new Progress(2, 3).percent()).isEqualTo(66);
        assertThat(new Progress(2, 3).complete()).isFalse();
        assertThat(new Progress(3, 3).complete()).isTrue();
        assertThat(new Progress(3, 3).percent()).isEqualTo(100);
    }

    @Test
    void a_course_without_published_lessons_is_at_zero_percent_and_never_complete() {
        assertThat(new Progress(0, 0).percent()).isZero();
        assertThat(new Progress(0, 0).complete()).isFalse();
    }

    @Test
    void only_a_published_lesson_is_completed_and_only_a_published_video_watched() {
        var draft = Lesson.draft(SECTION, 1, new Content("Clip", Kind.VIDEO, null, "https://v.example", 3, null, null));
        var text = Lesson.draft(SECTION, 2, new Content("Read", Kind.TEXT, "Words", null, null, null, null))
                .movedTo(Status.PUBLISHED);

        var unpublished = refusal(draft::requireOpenToStudents, CoursesProblems.LESSON_NOT_PUBLISHED);
        refusal(draft.movedTo(Status.PUBLISHED).movedTo(Status.ARCHIVED)::requireOpenToStudents,
                CoursesProblems.LESSON_NOT_PUBLISHED);
        text.requireOpenToStudents();
        draft.movedTo(Status.PUBLISHED).requireVideo();
        var notVideo = refusal(text::requireVideo, CoursesProblems.NOT_A_VIDEO);

        assertThat(unpublished.properties()).containsEntry("currentState", "DRAFT");
        assertThat(notVideo.properties()).containsEntry("kind", "TEXT");
    }
}
