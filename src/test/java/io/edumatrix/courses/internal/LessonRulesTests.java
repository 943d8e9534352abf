package io.edumatrix.courses.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.internal.Lesson.Content;
import io.edumatrix.courses.internal.Lesson.Kind;
import io.edumatrix.courses.internal.Lesson.Status;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a lesson holds for its kind, how its status moves, and how a section's lessons are reordered. */
@UnitTest
class LessonRulesTests {

    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");
    private static final Section SECTION = new Section(UUID.randomUUID(), 3L, UUID.randomUUID(), UUID.randomUUID(),
            "Basics", 1, THEN, THEN);

    private static Content text() {
        return new Content("Intro", Kind.TEXT, "# Hello", null, 5, null, null);
    }

    @Test
    void each_kind_takes_the_fields_it_needs() {
        assertThat(Lesson.draft(SECTION, 1, text()).status()).isEqualTo(Status.DRAFT);
        assertThat(Lesson.draft(SECTION, 2, new Content("Clip", Kind.VIDEO, null, "https://v.example/1", 12, null, null))
                .position()).isEqualTo(2);
        assertThat(Lesson.draft(SECTION, 3, new Content("Read", Kind.LINK, null, "https://example.org", null, null, null))
                .courseId()).isEqualTo(SECTION.courseId());
        assertThat(Lesson.draft(SECTION, 4, new Content("Do", Kind.ASSIGNMENT, null, null, null, "Solve", THEN))
                .institutionId()).isEqualTo(SECTION.institutionId());
    }

    @Test
    void a_lesson_without_its_kinds_fields_or_with_another_kinds_is_refused_naming_each_field() {
        var video = refusal(() -> Lesson.draft(SECTION, 1, new Content("Clip", Kind.VIDEO, "body", null, null, null, null)),
                PlatformProblems.INVALID_REQUEST);
        var assignment = refusal(() -> Lesson.draft(SECTION, 1, new Content("Do", Kind.ASSIGNMENT, null, null, 5, " ", null)),
                PlatformProblems.INVALID_REQUEST);

        assertThat(fields(video.properties().get("errors"))).containsExactlyInAnyOrder("body", "url", "durationMinutes");
        assertThat(fields(assignment.properties().get("errors"))).containsExactlyInAnyOrder("instructions", "dueAt");
    }

    @Test
    void a_draft_is_published_then_archived_and_never_goes_back() {
        var published = Lesson.draft(SECTION, 1, text()).movedTo(Status.PUBLISHED);
        var archived = published.movedTo(Status.ARCHIVED);

        assertThat(published.published()).isTrue();
        assertThat(published.publishedAt()).isNotNull();
        assertThat(archived.publishedAt()).isEqualTo(published.publishedAt());
        refusal(() -> archived.movedTo(Status.PUBLISHED), ProblemType.INVALID_TRANSITION);
        refusal(() -> Lesson.draft(SECTION, 1, text()).movedTo(Status.ARCHIVED), ProblemType.INVALID_TRANSITION);
        refusal(() -> published.movedTo(Status.PUBLISHED), ProblemType.INVALID_TRANSITION);
    }

    @Test
    void a_reorder_names_each_lesson_of_the_section_exactly_once() {
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        var stranger = UUID.randomUUID();

        assertThat(SECTION.reorder(3L, List.of(a, b), List.of(b, a))).containsExactly(b, a);
        assertThat(SECTION.reorder(null, List.of(a, b), List.of(b, a))).containsExactly(b, a);
        var foreign = refusal(() -> SECTION.reorder(3L, List.of(a, b), List.of(b, stranger)),
                CoursesProblems.LESSON_ORDER_MISMATCH);
        refusal(() -> SECTION.reorder(3L, List.of(a, b), List.of(a, a, b)), CoursesProblems.LESSON_ORDER_MISMATCH);

        assertThat(foreign.properties()).containsEntry("field", "lessonIds")
                .containsEntry("notInSection", List.of(stranger)).containsEntry("missing", List.of(a));
    }

    @Test
    void a_reorder_against_an_older_version_is_a_concurrent_update() {
        var a = UUID.randomUUID();

        refusal(() -> SECTION.reorder(2L, List.of(a), List.of(a)), PlatformProblems.CONCURRENT_UPDATE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Object errors) {
        return ((List<Map<String, String>>) errors).stream().map(e -> e.get("field")).toList();
    }
}
