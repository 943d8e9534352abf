package io.edumatrix.courses;

import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The courses REST contract, over real HTTP against the running application and its database. Institutions and their
 * members are made through their own API, as a client would ({@link World}); courses are created by the institution's
 * instructor.
 */
@HttpApplicationTest
@IntegrationTest
class CoursesHttpApiTests {

    private static final ParameterizedTypeReference<Page<Course>> COURSES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Enrollment>> ENROLLMENTS = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient anonymous;

    private World world;
    /** The institution of most tests, and its instructor's client, which most requests go through. */
    private World.Institution school;
    private RestTestClient http;

    @BeforeEach
    void anInstitutionWithAnInstructor() {
        world = new World(anonymous);
        school = world.institution();
        http = school.instructor().client();
    }

    @Test
    void creating_a_course_returns_201_with_its_id_and_location_and_it_reads_back_the_same() {
        var institution = school.id();
        var code = uniqueCode("C");

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

    /** ADR 0012: a course names its institution, which must be the token's own; any other is told apart from none. */
    @Test
    void a_course_of_an_institution_that_does_not_exist_or_is_not_the_tokens_own_is_a_404_not_found_problem() {
        var unknown = UUID.randomUUID();
        var other = world.institution().id();

        var problem = Problem.expect(post("/api/courses", Map.of("institutionId", unknown, "code", uniqueCode("C"), "title", "Lost")),
                HttpStatus.NOT_FOUND, "not-found");
        var elsewhere = Problem.expect(post("/api/courses", Map.of("institutionId", other, "code", uniqueCode("C"), "title", "Lost")),
                HttpStatus.NOT_FOUND, "not-found");

        assertThat(problem.detail()).contains(unknown.toString());
        assertThat(elsewhere.detail()).isEqualTo(problem.detail().replace(unknown.toString(), other.toString()));
    }

    @Test
    void without_a_token_or_with_a_garbage_one_every_courses_endpoint_is_a_401_unauthenticated_problem_with_a_bearer_challenge() {
        var course = createCourse(school.id(), uniqueCode("C"), "Locked");
        var garbage = world.bearer("not-a-token");
        for (var client : List.of(anonymous, garbage)) {
            for (var request : List.of(
                    client.post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("institutionId", school.id(), "code", uniqueCode("C"), "title", "No token")),
                    client.get().uri("/api/courses/{id}", course.id()),
                    client.get().uri("/api/courses?institutionId={id}", school.id()),
                    client.patch().uri("/api/courses/{id}", course.id()).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("title", "Changed")),
                    client.post().uri("/api/courses/{id}/enrollments", course.id()).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of()),
                    client.get().uri("/api/courses/{id}/enrollments", course.id()))) {
                var response = request.exchange();
                response.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
                Problem.expect(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
            }
        }
        assertThat(get(course.id()).title()).isEqualTo("Locked");
    }

    @Test
    void a_student_may_read_and_enroll_but_creating_or_changing_a_course_or_listing_its_enrollments_is_a_403_forbidden_problem() {
        var course = createCourse(school.id(), uniqueCode("C"), "Staff only");
        var student = school.student().client();

        Problem.expect(student.post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("institutionId", school.id(), "code", uniqueCode("C"), "title", "By a student")).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(student.patch().uri("/api/courses/{id}", course.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Changed by a student")).exchange(), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(student.get().uri("/api/courses/{id}/enrollments", course.id()).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
        student.get().uri("/api/courses/{id}", course.id()).exchange().expectStatus().isOk();
        student.post().uri("/api/courses/{id}/enrollments", course.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).exchange().expectStatus().isCreated();

        assertThat(get(course.id())).extracting(Course::title, Course::version).containsExactly("Staff only", course.version());
        assertThat(listCourses("/api/courses?institutionId={institution}&limit=100", school.id()).items())
                .extracting(Course::title).doesNotContain("By a student");
    }

    @Test
    void a_student_enrolls_only_themselves_and_naming_another_student_is_a_403_forbidden_problem() {
        var course = createCourse(school.id(), uniqueCode("C"), "Self service");
        var classmate = world.member(world.platformAdmin(), school.id(), "STUDENT");

        Problem.expect(school.student().client().post().uri("/api/courses/{id}/enrollments", course.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("studentId", classmate.accountId())).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
        var own = school.student().client().post().uri("/api/courses/{id}/enrollments", course.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("studentId", school.student().accountId())).exchange()
                .expectStatus().isCreated().expectBody(Enrollment.class).returnResult().getResponseBody();

        assertThat(own.studentId()).isEqualTo(school.student().accountId());
        assertThat(enrollmentsOf(course.id())).extracting(Enrollment::studentId).containsExactly(school.student().accountId());
    }

    @Test
    void staff_may_enroll_only_a_student_of_the_institution_and_anyone_else_is_a_422_not_a_student_problem() {
        var course = createCourse(school.id(), uniqueCode("C"), "Students only");
        var enrollments = "/api/courses/" + course.id() + "/enrollments";

        for (var notAStudent : List.of(UUID.randomUUID(), school.instructor().accountId(), school.admin().accountId(),
                world.institution().student().accountId())) {
            var response = post(enrollments, Map.of("studentId", notAStudent));
            Problem.expect(response, HttpStatus.UNPROCESSABLE_CONTENT, "not-a-student");
        }
        assertThat(enrollmentsOf(course.id())).isEmpty();
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
        var institution = school.id();
        var code = uniqueCode("C");
        createCourse(institution, code.toUpperCase(), "First");

        Problem.expect(post("/api/courses", Map.of("institutionId", institution, "code", code.toLowerCase(), "title", "Again")),
                HttpStatus.CONFLICT, "duplicate-code");
        var elsewhere = world.institution();
        assertThat(createCourse(elsewhere.instructor().client(), elsewhere.id(), code, "Elsewhere").code()).isEqualTo(code);
    }

    @Test
    void the_list_pages_through_one_institutions_courses_only_in_creation_order() {
        var institution = school.id();
        var other = world.institution();
        var created = List.of(createCourse(institution, uniqueCode("C"), "One").id(),
                createCourse(institution, uniqueCode("C"), "Two").id(), createCourse(institution, uniqueCode("C"), "Three").id());
        createCourse(other.instructor().client(), other.id(), uniqueCode("C"), "Someone else's");

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
    void listing_without_an_institution_lists_the_tokens_own_and_naming_another_one_is_a_404_not_found_problem() {
        var created = createCourse(school.id(), uniqueCode("C"), "Own");
        var other = world.institution();
        createCourse(other.instructor().client(), other.id(), uniqueCode("C"), "Someone else's");

        var own = listCourses("/api/courses?limit=100");

        assertThat(own.items()).extracting(Course::id).containsExactly(created.id());
        Problem.expect(http.get().uri("/api/courses?institutionId={other}", other.id()).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(http.get().uri("/api/courses?institutionId={unknown}", UUID.randomUUID()).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void listing_with_a_malformed_institution_is_a_400_problem_naming_the_parameter() {
        var malformed = Problem.expect(http.get().uri("/api/courses?institutionId=not-a-uuid").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(malformed.rejectedFields()).containsExactly("institutionId");
    }

    @Test
    void a_page_size_outside_1_to_100_is_a_400_problem_naming_the_limit() {
        var institution = school.id();
        for (var limit : List.of(0, 101)) {
            var problem = Problem.expect(http.get().uri("/api/courses?institutionId={institution}&limit={limit}", institution, limit)
                    .exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
            assertThat(problem.rejectedFields()).as("limit=%s", limit).containsExactly("limit");
        }
    }

    @Test
    void patching_the_title_changes_only_the_title_and_the_version() {
        var course = post("/api/courses", Map.of("institutionId", school.id(), "code", uniqueCode("C"),
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
        var course = createCourse(school.id(), uniqueCode("C"), "Enrolling");
        var enrollments = "/api/courses/" + course.id() + "/enrollments";
        var student = school.student().accountId();

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

    private Course createCourse(UUID institution, String code, String title) {
        return createCourse(http, institution, code, title);
    }

    private static Course createCourse(RestTestClient client, UUID institution, String code, String title) {
        return client.post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("institutionId", institution, "code", code, "title", title)).exchange()
                .expectStatus().isCreated()
                .expectBody(Course.class).returnResult().getResponseBody();
    }

    private List<Enrollment> enrollmentsOf(UUID course) {
        return http.get().uri("/api/courses/{id}/enrollments?limit=100", course).exchange().expectStatus().isOk()
                .expectBody(ENROLLMENTS).returnResult().getResponseBody().items();
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

    record Course(UUID id, UUID institutionId, String code, String title, String description, boolean enrollmentOpen,
            long version, Instant createdAt, Instant updatedAt) {}

    record Enrollment(UUID id, UUID courseId, UUID studentId, Instant enrolledAt) {}

    record Page<T>(List<T> items, UUID next) {}
}
