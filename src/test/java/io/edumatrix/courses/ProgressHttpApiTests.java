package io.edumatrix.courses;

import static io.edumatrix.platform.testing.Api.body;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.json;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Api.values;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.ArrayList;
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

/** Students' progress over HTTP: completing lessons, watching videos, the course completed once, the staff table. */
@HttpApplicationTest
@IntegrationTest
class ProgressHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient staff;
    private RestTestClient student;
    private UUID course;
    private UUID section;

    @BeforeEach
    void aCourseWithAnEnrolledStudent() {
        world = new World(anonymous);
        school = world.institution();
        staff = school.instructor().client();
        student = school.student().client();
        course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");
        section = id(created(post(staff, "/api/courses/" + course + "/sections", Map.of("title", "Basics"))));
        created(post(student, "/api/courses/" + course + "/enrollments", Map.of()));
    }

    @Test
    void completing_every_published_lesson_completes_the_enrollment_and_completing_again_changes_nothing() {
        var lessons = List.of(published("One"), published("Two"), published("Three"));
        lesson("Still a draft");

        complete(student, lessons.get(0)).expectStatus().isNoContent();
        complete(student, lessons.get(0)).expectStatus().isNoContent();
        complete(student, lessons.get(1)).expectStatus().isNoContent();
        var partway = mine(student);
        complete(student, lessons.get(2)).expectStatus().isNoContent();
        var done = mine(student);
        complete(student, lessons.get(2)).expectStatus().isNoContent();

        assertThat(partway).containsEntry("completedLessons", 2).containsEntry("totalLessons", 3)
                .containsEntry("percent", 66).containsEntry("status", "ACTIVE");
        assertThat(done).containsEntry("completedLessons", 3).containsEntry("percent", 100)
                .containsEntry("status", "COMPLETED");
        assertThat(done.get("completedAt")).isNotNull();
        assertThat(mine(student)).isEqualTo(done);
    }

    @Test
    void concurrent_completions_of_the_last_lessons_complete_the_enrollment_exactly_once() throws Exception {
        var lessons = List.of(published("One"), published("Two"), published("Three"), published("Four"));
        var calls = new ArrayList<CompletableFuture<Integer>>();
        var barrier = new CyclicBarrier(lessons.size() * 2);

        for (var lesson : lessons) {
            for (int twice = 0; twice < 2; twice++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(barrier);
                    return complete(student, lesson).returnResult().getStatus().value();
                }));
            }
        }
        for (var call : calls) {
            assertThat(call.get()).isEqualTo(204);
        }

        var enrollment = mine(student);
        assertThat(enrollment).containsEntry("status", "COMPLETED").containsEntry("completedLessons", 4);
        var trail = read(school.admin().client(), "/api/audit?entity=courses.enrollment&id={id}&limit=100",
                enrollment.get("enrollmentId"));
        assertThat(items(trail)).filteredOn(entry -> "UPDATE".equals(entry.get("operation"))).hasSize(1);
    }

    @Test
    void a_draft_lesson_a_student_not_enrolled_a_negative_or_non_video_position_are_problems_that_change_nothing() {
        var draft = lesson("Draft");
        var text = published("Text");
        var video = publishedVideo("Clip");
        var outsider = world.member(world.platformAdmin(), school.id(), "STUDENT").client();
        var other = world.institution().student().client();
        var before = mine(student);

        var unpublished = body(complete(student, draft).expectStatus().isEqualTo(422));
        var notEnrolled = body(complete(outsider, text).expectStatus().isEqualTo(422));
        var negative = Problem.expect(position(student, video, -1), HttpStatus.BAD_REQUEST, "invalid-request");
        var notVideo = body(position(student, text, 10).expectStatus().isEqualTo(422));
        Problem.expect(complete(other, text), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(complete(student, UUID.randomUUID()), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(outsider.get().uri("/api/courses/{id}/progress/me", course).exchange(), HttpStatus.NOT_FOUND,
                "not-found");

        assertThat(unpublished).containsEntry("type", "https://edumatrix.io/problems/lesson-not-published")
                .containsEntry("currentState", "DRAFT");
        assertThat(notEnrolled).containsEntry("type", "https://edumatrix.io/problems/not-enrolled");
        assertThat(negative.rejectedFields()).containsExactly("seconds");
        assertThat(notVideo).containsEntry("type", "https://edumatrix.io/problems/not-a-video");
        assertThat(mine(student)).isEqualTo(before);
        position(student, video, 42).expectStatus().isNoContent();
        assertThat(mine(student).get("lastActivityAt")).isNotNull();
    }

    @Test
    void staff_page_through_the_progress_of_the_courses_current_students_and_a_student_may_not() {
        var lesson = published("One");
        published("Two");
        var admin = world.platformAdmin();
        var others = List.of(world.member(admin, school.id(), "STUDENT").client(),
                world.member(admin, school.id(), "STUDENT").client());
        for (var other : others) {
            created(post(other, "/api/courses/" + course + "/enrollments", Map.of()));
        }
        complete(student, lesson).expectStatus().isNoContent();
        ok(post(others.get(1), "/api/courses/" + course + "/enrollments/me/withdrawal", Map.of()));

        var first = read(staff, "/api/courses/{id}/progress?limit=1", course);
        var second = read(staff, "/api/courses/{id}/progress?limit=1&after={after}", course, first.get("next"));

        assertThat(values(first, "percent")).containsExactly(50);
        assertThat(values(first, "studentId")).containsExactly(school.student().accountId().toString());
        assertThat(values(second, "completedLessons")).containsExactly(0);
        assertThat(values(second, "totalLessons")).containsExactly(2);
        assertThat(second.get("next")).isNull();
        Problem.expect(student.get().uri("/api/courses/{id}/progress", course).exchange(), HttpStatus.FORBIDDEN, "forbidden");
    }

    private Map<String, Object> mine(RestTestClient client) {
        return read(client, "/api/courses/{id}/progress/me", course);
    }

    private RestTestClient.ResponseSpec complete(RestTestClient client, UUID lesson) {
        return client.put().uri("/api/courses/{id}/lessons/{lesson}/completion", course, lesson).exchange();
    }

    private RestTestClient.ResponseSpec position(RestTestClient client, UUID lesson, int seconds) {
        return json(client.put().uri("/api/courses/{id}/lessons/{lesson}/position", course, lesson),
                Map.of("seconds", seconds)).exchange();
    }

    private UUID lesson(String title) {
        return id(created(post(staff, "/api/courses/" + course + "/sections/" + section + "/lessons",
                Map.of("title", title, "kind", "TEXT", "body", "About " + title))));
    }

    private UUID published(String title) {
        return publish(lesson(title));
    }

    private UUID publishedVideo(String title) {
        return publish(id(created(post(staff, "/api/courses/" + course + "/sections/" + section + "/lessons",
                Map.of("title", title, "kind", "VIDEO", "url", "https://video.example/" + title, "durationMinutes", 7)))));
    }

    private UUID publish(UUID lesson) {
        ok(post(staff, "/api/courses/" + course + "/lessons/" + lesson + "/status", Map.of("status", "PUBLISHED")));
        return lesson;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
