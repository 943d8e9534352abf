package io.edumatrix.courses;

import static io.edumatrix.platform.testing.Api.body;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.json;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sections and lessons over HTTP: staff of the course's institution write them, students enrolled in the course read
 * the published ones, and everyone else finds nothing.
 */
@HttpApplicationTest
@IntegrationTest
class CourseContentHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient staff;
    private UUID course;

    @BeforeEach
    void aCourseOfAnInstitution() {
        world = new World(anonymous);
        school = world.institution();
        staff = school.instructor().client();
        course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");
    }

    @Test
    void staff_build_ordered_sections_and_draft_lessons_of_each_kind() {
        var first = created(post(staff, sections(), Map.of("title", " Basics ")));
        var second = created(post(staff, sections(), Map.of("title", "Practice")));
        var sectionId = id(first);

        var text = created(post(staff, lessons(sectionId), Map.of("title", "Intro", "kind", "TEXT", "body", "# Hi")));
        var video = created(post(staff, lessons(sectionId), Map.of("title", "Clip", "kind", "VIDEO",
                "url", "https://video.example/1", "durationMinutes", 12)));
        var assignment = created(post(staff, lessons(sectionId), Map.of("title", "Do", "kind", "ASSIGNMENT",
                "instructions", "Solve it", "dueAt", "2031-01-01T00:00:00Z")));

        assertThat(first).containsEntry("title", "Basics").containsEntry("position", 1);
        assertThat(second).containsEntry("position", 2);
        assertThat(List.of(text, video, assignment)).extracting(l -> l.get("status"), l -> l.get("position"))
                .containsExactly(tuple("DRAFT", 1), tuple("DRAFT", 2), tuple("DRAFT", 3));
        assertThat(video).containsEntry("kind", "VIDEO").containsEntry("durationMinutes", 12);
        var outline = read(staff, outline());
        assertThat(sectionsOf(outline)).extracting(s -> s.get("title")).containsExactly("Basics", "Practice");
        assertThat(lessonTitles(outline, 0)).containsExactly("Intro", "Clip", "Do");
    }

    @Test
    void an_enrolled_student_sees_only_published_lessons_and_any_other_student_finds_no_outline() {
        var sectionId = id(created(post(staff, sections(), Map.of("title", "Basics"))));
        lesson(sectionId, "Draft");
        var published = lesson(sectionId, "Published");
        var archived = lesson(sectionId, "Archived");
        status(published, "PUBLISHED");
        status(archived, "PUBLISHED");
        status(archived, "ARCHIVED");
        var student = school.student().client();
        var notEnrolled = world.member(world.platformAdmin(), school.id(), "STUDENT").client();

        post(student, "/api/courses/" + course + "/enrollments", Map.of()).expectStatus().isCreated();

        assertThat(lessonTitles(read(student, outline()), 0)).containsExactly("Published");
        assertThat(lessonTitles(read(staff, outline()), 0)).containsExactly("Draft", "Published", "Archived");
        Problem.expect(notEnrolled.get().uri(outline()).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void another_institutions_members_get_404_students_403_on_writes_and_those_not_enrolled_404_on_the_outline_with_nothing_changed() {
        var sectionId = id(created(post(staff, sections(), Map.of("title", "Basics"))));
        var lessonId = lesson(sectionId, "Intro");
        var other = world.institution();
        var before = read(staff, outline());

        // Staff of another institution pass the role check and meet row-level security; students never pass it.
        var refusals = Map.of(other.instructor().client(), "not-found", other.student().client(), "forbidden",
                school.student().client(), "forbidden");
        refusals.forEach((client, problem) -> {
            var status = problem.equals("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
            Problem.expect(post(client, sections(), Map.of("title", "Theirs")), status, problem);
            Problem.expect(post(client, lessons(sectionId), Map.of("title", "Theirs", "kind", "LINK",
                    "url", "https://x.example")), status, problem);
            Problem.expect(post(client, statusUri(lessonId), Map.of("status", "PUBLISHED")), status, problem);
            Problem.expect(json(client.put().uri(orderUri(sectionId)), Map.of("lessonIds", List.of(lessonId))).exchange(),
                    status, problem);
        });
        for (var stranger : List.of(other.instructor().client(), other.student().client(), school.student().client())) {
            Problem.expect(stranger.get().uri(outline()).exchange(), HttpStatus.NOT_FOUND, "not-found");
        }
        assertThat(read(staff, outline())).isEqualTo(before);
    }

    @Test
    void a_section_of_another_course_is_a_404_and_a_lesson_missing_its_kinds_fields_a_400_naming_them() {
        var sectionId = id(created(post(staff, sections(), Map.of("title", "Basics"))));
        var otherCourse = World.course(staff, school.id(), uniqueCode("C"), "Geometry");

        Problem.expect(post(staff, "/api/courses/" + otherCourse + "/sections/" + sectionId + "/lessons",
                Map.of("title", "Lost", "kind", "TEXT", "body", "x")), HttpStatus.NOT_FOUND, "not-found");
        var wrongFields = Problem.expect(post(staff, lessons(sectionId), Map.of("title", "Clip", "kind", "VIDEO",
                "body", "text of another kind")), HttpStatus.BAD_REQUEST, "invalid-request");
        var noKind = Problem.expect(post(staff, lessons(sectionId), Map.of("title", "")), HttpStatus.BAD_REQUEST,
                "invalid-request");

        assertThat(wrongFields.rejectedFields()).containsExactlyInAnyOrder("body", "url", "durationMinutes");
        assertThat(noKind.rejectedFields()).containsExactlyInAnyOrder("title", "kind");
        assertThat(lessonTitles(read(staff, outline()), 0)).isEmpty();
    }

    @Test
    void a_lesson_moves_only_draft_to_published_to_archived_and_a_refused_move_names_its_state() {
        var lessonId = lesson(id(created(post(staff, sections(), Map.of("title", "Basics")))), "Intro");

        var refused = body(post(staff, statusUri(lessonId), Map.of("status", "ARCHIVED")).expectStatus().isEqualTo(409));
        var published = ok(post(staff, statusUri(lessonId), Map.of("status", "PUBLISHED")));

        assertThat(refused).containsEntry("currentState", "DRAFT").containsEntry("allowedStates", List.of("PUBLISHED"));
        assertThat(published).containsEntry("status", "PUBLISHED").containsKey("publishedAt");
        Problem.expect(post(staff, statusUri(UUID.randomUUID()), Map.of("status", "PUBLISHED")), HttpStatus.NOT_FOUND,
                "not-found");
    }

    @Test
    void a_reorder_puts_the_lessons_in_the_order_given_and_refuses_a_stale_version_or_another_courses_lesson() {
        var sectionId = id(created(post(staff, sections(), Map.of("title", "Basics"))));
        var a = lesson(sectionId, "A");
        var b = lesson(sectionId, "B");
        var c = lesson(sectionId, "C");
        var version = ((Number) sectionsOf(read(staff, outline())).getFirst().get("version")).longValue();
        var elsewhere = World.course(staff, school.id(), uniqueCode("C"), "Geometry");
        var foreign = lessonIn(elsewhere, id(created(post(staff, "/api/courses/" + elsewhere + "/sections",
                Map.of("title", "Other")))), "Foreign");

        var reordered = ok(reorder(sectionId, List.of(c, a, b), version));

        assertThat(lessonTitles(Map.of("sections", List.of(reordered)), 0)).containsExactly("C", "A", "B");
        assertThat(lessonTitles(read(staff, outline()), 0)).containsExactly("C", "A", "B");
        Problem.expect(reorder(sectionId, List.of(a, b, c), version), HttpStatus.CONFLICT, "concurrent-update");
        var mismatch = body(reorder(sectionId, List.of(a, b, foreign), null).expectStatus().isEqualTo(422));
        assertThat(mismatch).containsEntry("field", "lessonIds")
                .containsEntry("notInSection", List.of(foreign.toString())).containsEntry("missing", List.of(c.toString()));
        assertThat(lessonTitles(read(staff, outline()), 0)).containsExactly("C", "A", "B");
    }

    @Test
    void of_two_concurrent_reorders_from_the_same_version_one_wins_and_the_other_is_a_409() throws Exception {
        var sectionId = id(created(post(staff, sections(), Map.of("title", "Basics"))));
        var a = lesson(sectionId, "A");
        var b = lesson(sectionId, "B");
        var version = ((Number) sectionsOf(read(staff, outline())).getFirst().get("version")).longValue();
        var barrier = new CyclicBarrier(2);

        var orders = List.of(List.of(b, a), List.of(a, b));
        var statuses = new ArrayList<Integer>();
        var calls = orders.stream().map(order -> CompletableFuture.supplyAsync(() -> {
            await(barrier);
            return reorder(sectionId, order, version).returnResult().getStatus().value();
        })).toList();
        for (var call : calls) {
            statuses.add(call.get());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        var winner = statuses.get(0) == 200 ? List.of("B", "A") : List.of("A", "B");
        assertThat(lessonTitles(read(staff, outline()), 0)).containsExactlyElementsOf(winner);
    }

    /** A reorder as staff send it; without a version, whatever the section's is now. */
    private RestTestClient.ResponseSpec reorder(UUID sectionId, List<UUID> lessonIds, Long version) {
        var request = new HashMap<String, Object>(Map.of("lessonIds", lessonIds));
        if (version != null) {
            request.put("version", version);
        }
        return json(staff.put().uri(orderUri(sectionId)), request).exchange();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID lesson(UUID sectionId, String title) {
        return lessonIn(course, sectionId, title);
    }

    private UUID lessonIn(UUID courseId, UUID sectionId, String title) {
        return id(created(post(staff, "/api/courses/" + courseId + "/sections/" + sectionId + "/lessons",
                Map.of("title", title, "kind", "LINK", "url", "https://example.org/" + title))));
    }

    private void status(UUID lessonId, String status) {
        ok(post(staff, statusUri(lessonId), Map.of("status", status)));
    }

    private String sections() {
        return "/api/courses/" + course + "/sections";
    }

    private String lessons(UUID sectionId) {
        return sections() + "/" + sectionId + "/lessons";
    }

    private String statusUri(UUID lessonId) {
        return "/api/courses/" + course + "/lessons/" + lessonId + "/status";
    }

    private String orderUri(Object sectionId) {
        return sections() + "/" + sectionId + "/order";
    }

    private String outline() {
        return "/api/courses/" + course + "/outline";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sectionsOf(Map<String, Object> outline) {
        return (List<Map<String, Object>>) outline.get("sections");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> lessonTitles(Map<String, Object> outline, int section) {
        return ((List<Map<String, Object>>) sectionsOf(outline).get(section).get("lessons")).stream()
                .<Object>map(l -> l.get("title")).toList();
    }
}
