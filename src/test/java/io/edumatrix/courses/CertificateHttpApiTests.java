package io.edumatrix.courses;

import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Api.values;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A completed course's certificate, verified anonymously by its code, and gone with its holder. */
@HttpApplicationTest
@IntegrationTest
class CertificateHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private UUID course;

    @BeforeEach
    void aStudentWhoCompletedACourseOfOneLesson() {
        world = new World(anonymous);
        school = world.institution();
        var staff = school.instructor().client();
        course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");
        var section = id(created(post(staff, "/api/courses/" + course + "/sections", Map.of("title", "Basics"))));
        var lesson = id(created(post(staff, "/api/courses/" + course + "/sections/" + section + "/lessons",
                Map.of("title", "All of it", "kind", "TEXT", "body", "Groups, rings, fields"))));
        created(post(school.student().client(), "/api/courses/" + course + "/enrollments", Map.of()));
        ok(post(staff, "/api/courses/" + course + "/lessons/" + lesson + "/status", Map.of("status", "PUBLISHED")));
        school.student().client().put().uri("/api/courses/{id}/lessons/{lesson}/completion", course, lesson).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void completing_the_course_gives_a_code_that_anyone_verifies_learning_only_course_institution_holder_and_date() {
        var progress = read(school.student().client(), "/api/courses/{id}/progress/me", course);
        var code = (String) progress.get("certificateCode");

        var verified = read(anonymous, "/api/certificates/{code}", code);

        assertThat(progress).containsEntry("status", "COMPLETED");
        assertThat(verified).containsOnlyKeys("courseTitle", "institutionName", "holderName", "completedAt")
                .containsEntry("courseTitle", "Algebra")
                .containsEntry("institutionName", "Institution " + school.code())
                .containsEntry("holderName", "A student")
                .containsEntry("completedAt", progress.get("completedAt"));
        assertThat(read(world.institution().student().client(), "/api/certificates/{code}", code)).isEqualTo(verified);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_holders_export_holds_their_progress_and_their_certificate() {
        var code = read(school.student().client(), "/api/courses/{id}/progress/me", course).get("certificateCode");

        var courses = (Map<String, Object>) ((Map<String, Object>) read(school.student().client(),
                "/api/accounts/me/export").get("modules")).get("courses");

        assertThat((List<Object>) courses.get("certificates")).containsExactly(code);
        var progress = (List<Map<String, Object>>) courses.get("lessonProgress");
        assertThat(progress).singleElement().satisfies(p -> assertThat(p).containsEntry("courseId", course.toString())
                .containsKey("completedAt"));
    }

    /** Statistics and notifications learn of it from the events, eventually. */
    @Test
    void the_completion_is_counted_by_statistics_and_the_student_is_told_of_the_lesson_and_the_certificate()
            throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Object> overview;
        List<Object> categories;
        do {
            Thread.sleep(100);
            overview = read(school.admin().client(), "/api/statistics/institutions/{id}/overview", school.id());
            categories = values(read(school.student().client(), "/api/notifications?limit=100"), "category");
        } while ((!Long.valueOf(1).equals(((Number) overview.get("courseCompletions")).longValue())
                || !categories.containsAll(List.of("LESSON", "CERTIFICATE"))) && Instant.now().isBefore(deadline));

        assertThat(overview).containsEntry("courseCompletions", 1);
        assertThat(categories).contains("ENROLLMENT", "LESSON", "CERTIFICATE");
    }

    @Test
    void a_code_never_issued_or_malformed_is_a_404() {
        for (var code : List.of("ABCDEFGHJKLMNPQR", "not-a-code", "abcdefghjklmnpqr")) {
            Problem.expect(anonymous.get().uri("/api/certificates/{code}", code).exchange(), HttpStatus.NOT_FOUND,
                    "not-found");
        }
    }

    @Test
    void once_the_holder_is_erased_the_code_verifies_nothing() {
        var code = read(school.student().client(), "/api/courses/{id}/progress/me", course).get("certificateCode");

        Erasures.erase(world.platformAdmin().client(), school.student().accountId());

        Problem.expect(anonymous.get().uri("/api/certificates/{code}", code).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }
}
