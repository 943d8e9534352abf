package io.edumatrix.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Institution;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The statistics endpoints over HTTP: who may read an institution's figures, the checks of a daily series' parameters,
 * and figures that follow what members do in the other modules, once their events are delivered.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class StatisticsHttpApiTests {

    private static final String OVERVIEW = "/api/statistics/institutions/{id}/overview";
    private static final String DAILY = "/api/statistics/institutions/{id}/daily?metric={metric}&from={from}&to={to}";

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private Institution school;
    private LocalDate today;

    @BeforeEach
    void anInstitution() {
        world = new World(anonymous);
        school = world.institution();
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_institutions_admins_and_platform_admins_read_its_statistics_and_nobody_else() {
        for (var reader : List.of(school.admin().client(), world.platformAdmin().client())) {
            var overview = overview(reader, school.id());
            assertThat(overview).containsEntry("institutionId", school.id().toString()).containsEntry("courses", 0)
                    .containsEntry("messages", 0).containsEntry("jobPostings", Map.of("open", 0, "closed", 0));
            assertThat((Map<String, Object>) overview.get("courseRatings")).containsEntry("count", 0)
                    .containsEntry("average", null);
            reader.get().uri(DAILY, school.id(), "messages", today, today).exchange().expectStatus().isOk();
        }
        for (var member : List.of(school.instructor(), school.student())) {
            Problem.expect(member.client().get().uri(OVERVIEW, school.id()).exchange(), HttpStatus.FORBIDDEN, "forbidden");
            Problem.expect(member.client().get().uri(DAILY, school.id(), "messages", today, today).exchange(),
                    HttpStatus.FORBIDDEN, "forbidden");
        }
        var other = world.institution();
        Problem.expect(other.admin().client().get().uri(OVERVIEW, school.id()).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(other.admin().client().get().uri(DAILY, school.id(), "messages", today, today).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(anonymous.get().uri(OVERVIEW, school.id()).exchange(), HttpStatus.UNAUTHORIZED,
                "unauthenticated");
    }

    @Test
    void a_daily_series_has_a_known_metric_and_from_before_to_at_most_366_days_apart() {
        var admin = school.admin().client();
        var yearAgo = today.minusDays(365);
        var series = admin.get().uri(DAILY, school.id(), "activeStudents", yearAgo, today).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(series).containsEntry("metric", "activeStudents").containsEntry("from", yearAgo.toString())
                .containsEntry("to", today.toString());
        assertThat((List<?>) series.get("days")).hasSize(366).first()
                .isEqualTo(Map.of("day", yearAgo.toString(), "value", 0));

        assertThat(invalid(admin.get().uri(DAILY, school.id(), "visitors", today, today))).containsExactly("metric");
        assertThat(invalid(admin.get().uri(DAILY, school.id(), "messages", today, today.minusDays(1))))
                .containsExactly("to");
        assertThat(invalid(admin.get().uri(DAILY, school.id(), "messages", yearAgo.minusDays(1), today)))
                .containsExactly("to");
        assertThat(invalid(admin.get().uri(DAILY, school.id(), "messages", "1969-12-31", "1970-01-01")))
                .containsExactly("from");
        Problem.expect(admin.get().uri(DAILY, school.id(), "messages", "yesterday", today).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(admin.get().uri("/api/statistics/institutions/{id}/daily?from={d}&to={d}", school.id(), today,
                today).exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_course_an_enrollment_and_a_rating_show_in_the_figures_once_their_events_are_delivered(Scenario scenario) {
        var admin = school.admin().client();
        var student = school.student().client();

        scenario.stimulate(() -> {
                    var course = school.instructor().client().post().uri("/api/courses")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("institutionId", school.id(), "code", "STAT1", "title", "Statistics"))
                            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                            .getResponseBody().get("id");
                    student.post().uri("/api/courses/{id}/enrollments", course).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of()).exchange().expectStatus().isCreated();
                    for (var rating : List.of(2, 5)) {
                        student.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("subjectType", "COURSE", "subjectId", course, "rating", rating))
                                .exchange().expectStatus().is2xxSuccessful();
                    }
                    world.learner(school, UUID.fromString(String.valueOf(course))).client().post().uri("/api/feedback")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("subjectType", "COURSE", "subjectId", course, "rating", 4))
                            .exchange().expectStatus().isCreated();
                })
                .andWaitForStateChange(() -> overview(admin, school.id()),
                        o -> Integer.valueOf(2).equals(o.get("enrollments"))
                                && Map.of("count", 2, "sum", 9, "average", 4.5).equals(o.get("courseRatings")))
                .andVerify(o -> assertThat(o).containsEntry("courses", 1).containsEntry("activeStudents", 2));

        var series = admin.get().uri(DAILY, school.id(), "enrollments", today.minusDays(1), today).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) series.get("days")).containsExactly(
                Map.of("day", today.minusDays(1).toString(), "value", 0), Map.of("day", today.toString(), "value", 2));
        var other = world.institution();
        assertThat(overview(other.admin().client(), other.id())).as("another institution's own figures")
                .containsEntry("enrollments", 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> overview(RestTestClient reader, UUID institution) {
        return reader.get().uri(OVERVIEW, institution).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    private static List<String> invalid(RestTestClient.RequestHeadersSpec<?> request) {
        return Problem.expect(request.exchange(), HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields();
    }
}
