package io.edumatrix.courses;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The courses REST contract, over real HTTP against the running application and its database. Institutions are
 * registered through their own API, as a client would.
 */
@HttpApplicationTest
class CoursesHttpApiTests {

    private static final ParameterizedTypeReference<Page<Course>> COURSES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Enrollment>> ENROLLMENTS = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient http;

    @Test
    void creating_a_course_returns_201_with_its_id_and_location_and_it_reads_back_the_same() {
        var institution = registerInstitution();
        var code = uniqueCode();

        var created = post("/api/courses", Map.of("institutionId", institution, "code", code, "title", " Algebra I "))
                .expectStatus().isCreated()
                .expectBody(Course.class).returnResult();
        var course = created.getResponseBody();

        assertThat(course.id().version()).as("UUID version").isEqualTo(7);
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/courses/" + course.id());
        assertThat(course).extracting(Course::institutionId, Course::code, Course::title, Course::enrollmentOpen)
                .containsExactly(institution, code, "Algebra I", true);
        assertThat(get(course.id())).extracting(Course::id, Course::institutionId, Course::code, Course::title, Course::version)
                .containsExactly(course.id(), institution, code, "Algebra I", course.version());
    }

    @Test
    void a_course_of_an_institution_that_does_not_exist_is_a_422_unknown_institution_problem() {
        var unknown = UUID.randomUUID();

        var problem = Problem.expect(post("/api/courses", Map.of("institutionId", unknown, "code", uniqueCode(), "title", "Lost")),
                HttpStatus.UNPROCESSABLE_CONTENT, "unknown-institution");

        assertThat(problem.detail()).contains(unknown.toString());
    }

    @Test
    void an_unknown_course_is_a_404_not_found_problem() {
        Problem.expect(http.get().uri("/api/courses/{id}", UUID.randomUUID()).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void a_course_without_institution_code_or_title_is_a_400_problem_naming_each_field() {
        var problem = Problem.expect(post("/api/courses", Map.of("code", "no spaces allowed", "title", "")),
                HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(problem.rejectedFields()).containsExactlyInAnyOrder("institutionId", "code", "title");
    }

    @Test
    void a_course_whose_institution_id_is_no_uuid_is_a_400_problem_naming_that_field() {
        var problem = Problem.expect(post("/api/courses", Map.of("institutionId", "not-a-uuid", "code", "OK1", "title", "T")),
                HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(problem.rejectedFields()).containsExactly("institutionId");
    }

    @Test
    void a_course_code_is_unique_in_any_letter_case_within_an_institution_but_not_across_institutions() {
        var institution = registerInstitution();
        var code = uniqueCode();
        createCourse(institution, code.toUpperCase(), "First");

        Problem.expect(post("/api/courses", Map.of("institutionId", institution, "code", code.toLowerCase(), "title", "Again")),
                HttpStatus.CONFLICT, "duplicate-code");
        assertThat(createCourse(registerInstitution(), code, "Elsewhere").code()).isEqualTo(code);
    }

    @Test
    void the_list_pages_through_one_institutions_courses_only_in_creation_order() {
        var institution = registerInstitution();
        var other = registerInstitution();
        var created = List.of(createCourse(institution, uniqueCode(), "One").id(),
                createCourse(institution, uniqueCode(), "Two").id(), createCourse(institution, uniqueCode(), "Three").id());
        createCourse(other, uniqueCode(), "Someone else's");

        var seen = new ArrayList<Course>();
        var first = listCourses("/api/courses?institutionId={institution}&limit=2", institution);
        seen.addAll(first.items());
        var second = listCourses("/api/courses?institutionId={institution}&limit=2&after={after}", institution, first.next());
        seen.addAll(second.items());

        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isEqualTo(created.get(1));
        assertThat(second.next()).isNull();
        assertThat(seen).extracting(Course::id).containsExactlyElementsOf(created);
        assertThat(seen).extracting(Course::institutionId).containsOnly(institution);
    }

    @Test
    void listing_without_an_institution_or_with_a_malformed_one_is_a_400_problem_naming_the_parameter() {
        var missing = Problem.expect(http.get().uri("/api/courses").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        var malformed = Problem.expect(http.get().uri("/api/courses?institutionId=not-a-uuid").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(missing.rejectedFields()).containsExactly("institutionId");
        assertThat(malformed.rejectedFields()).containsExactly("institutionId");
    }

    @Test
    void a_page_size_outside_1_to_100_is_a_400_problem_naming_the_limit() {
        var institution = registerInstitution();
        for (var limit : List.of(0, 101)) {
            var problem = Problem.expect(http.get().uri("/api/courses?institutionId={institution}&limit={limit}", institution, limit)
                    .exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
            assertThat(problem.rejectedFields()).as("limit=%s", limit).containsExactly("limit");
        }
    }

    @Test
    void patching_the_title_changes_only_the_title_and_the_version() {
        var course = post("/api/courses", Map.of("institutionId", registerInstitution(), "code", uniqueCode(),
                "title", "Draft", "description", "Kept as it is"))
                .expectStatus().isCreated().expectBody(Course.class).returnResult().getResponseBody();

        var patched = http.patch().uri("/api/courses/{id}", course.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Final")).exchange()
                .expectStatus().isOk()
                .expectBody(Course.class).returnResult().getResponseBody();

        assertThat(patched).extracting(Course::title, Course::description, Course::code, Course::version)
                .containsExactly("Final", "Kept as it is", course.code(), course.version() + 1);
        assertThat(get(course.id()).title()).isEqualTo("Final");
    }

    @Test
    void a_student_enrolls_once_and_is_listed_and_enrolling_again_is_a_409_conflict() {
        var course = createCourse(registerInstitution(), uniqueCode(), "Enrolling");
        var enrollments = "/api/courses/" + course.id() + "/enrollments";
        var student = UUID.randomUUID();

        var created = post(enrollments, Map.of("studentId", student))
                .expectStatus().isCreated()
                .expectBody(Enrollment.class).returnResult();
        var enrollment = created.getResponseBody();

        assertThat(created.getResponseHeaders().getLocation()).hasToString(enrollments + "/" + enrollment.id());
        assertThat(enrollment).extracting(Enrollment::courseId, Enrollment::studentId).containsExactly(course.id(), student);
        var listed = http.get().uri(enrollments).exchange().expectStatus().isOk()
                .expectBody(ENROLLMENTS).returnResult().getResponseBody();
        assertThat(listed.items()).extracting(Enrollment::id).containsExactly(enrollment.id());
        assertThat(listed.next()).isNull();
        Problem.expect(post(enrollments, Map.of("studentId", student)), HttpStatus.CONFLICT, "already-enrolled");
        Problem.expect(post("/api/courses/" + UUID.randomUUID() + "/enrollments", Map.of("studentId", student)),
                HttpStatus.NOT_FOUND, "not-found");
    }

    private UUID registerInstitution() {
        return post("/api/institutions", Map.of("name", "Courses test institution", "code", uniqueCode()))
                .expectStatus().isCreated()
                .expectBody(IdOnly.class).returnResult().getResponseBody().id();
    }

    private Course createCourse(UUID institution, String code, String title) {
        return post("/api/courses", Map.of("institutionId", institution, "code", code, "title", title))
                .expectStatus().isCreated()
                .expectBody(Course.class).returnResult().getResponseBody();
    }

    private Course get(UUID id) {
        return http.get().uri("/api/courses/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Course.class).returnResult().getResponseBody();
    }

    private Page<Course> listCourses(String uri, Object... variables) {
        return http.get().uri(uri, variables).exchange()
                .expectStatus().isOk()
                .expectBody(COURSES).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String uniqueCode() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    record IdOnly(UUID id) {}

    record Course(UUID id, UUID institutionId, String code, String title, String description, boolean enrollmentOpen,
            long version, Instant createdAt, Instant updatedAt) {}

    record Enrollment(UUID id, UUID courseId, UUID studentId, Instant enrolledAt) {}

    record Page<T>(List<T> items, UUID next) {}
}
