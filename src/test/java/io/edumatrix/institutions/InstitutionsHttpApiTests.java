package io.edumatrix.institutions;

import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The institutions REST contract, over real HTTP against the running application and its database. Institutions are
 * registered and managed by the platform administrator unless a test is about another role.
 */
@HttpApplicationTest
@IntegrationTest
class InstitutionsHttpApiTests {

    private static final ParameterizedTypeReference<Page<Listed>> PAGE = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient anonymous;

    private World world;
    /** The platform administrator's client. */
    private RestTestClient http;

    @BeforeEach
    void signInThePlatformAdministrator() {
        world = new World(anonymous);
        http = world.platformAdmin().client();
    }

    @Test
    void registering_an_institution_returns_201_with_its_id_and_location_and_it_reads_back_the_same() {
        var code = uniqueCode("I");

        var created = http.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "  Harbor College ", "code", code))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Institution.class).returnResult();
        var institution = created.getResponseBody();

        assertThat(institution.id().version()).as("UUID version").isEqualTo(7);
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/institutions/" + institution.id());
        assertThat(institution).extracting(Institution::name, Institution::code, Institution::status, Institution::departments)
                .containsExactly("Harbor College", code, "ACTIVE", List.of());
        var read = get(institution.id());
        assertThat(read).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(institution);
        assertThat(read.createdAt()).isCloseTo(institution.createdAt(), within(1, ChronoUnit.MILLIS));
    }

    @Test
    void an_unknown_institution_is_a_404_not_found_problem() {
        var unknown = UUID.randomUUID();

        var problem = Problem.expect(http.get().uri("/api/institutions/{id}", unknown).exchange(), HttpStatus.NOT_FOUND,
                "not-found");

        assertThat(problem.detail()).contains(unknown.toString());
    }

    @Test
    void a_code_already_taken_in_any_letter_case_is_a_409_conflict() {
        var code = uniqueCode("I");
        register("First", code.toUpperCase());

        var problem = Problem.expect(post("/api/institutions", Map.of("name", "Second", "code", code.toLowerCase())),
                HttpStatus.CONFLICT, "duplicate-code");

        assertThat(problem.detail()).contains(code.toLowerCase());
    }

    @Test
    void a_blank_name_and_a_malformed_code_are_a_400_problem_naming_both_fields() {
        var problem = Problem.expect(post("/api/institutions", Map.of("name", "  ", "code", "x y")), HttpStatus.BAD_REQUEST,
                "invalid-request");

        assertThat(problem.rejectedFields()).containsExactlyInAnyOrder("name", "code");
        assertThat(problem.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void a_body_that_is_not_json_is_a_400_malformed_request_problem() {
        var response = http.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Unfinished").exchange();

        var problem = Problem.expect(response, HttpStatus.BAD_REQUEST, "malformed-request");

        assertThat(problem.detail()).doesNotContain("Unfinished", "tools.jackson", "Exception");
    }

    @Test
    void the_list_pages_through_institutions_in_creation_order_each_exactly_once() {
        var before = register("Before the list", uniqueCode("I")).id();
        var created = IntStream.range(0, 5).mapToObj(i -> register("Listed " + i, uniqueCode("I")).id()).toList();

        var seen = new ArrayList<UUID>();
        var pages = 0;
        UUID after = before;
        do {
            var page = list(after, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(item -> seen.add(item.id()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_page_size_outside_1_to_100_or_a_malformed_cursor_is_a_400_problem() {
        for (var limit : List.of("0", "101")) {
            var problem = Problem.expect(http.get().uri("/api/institutions?limit={limit}", limit).exchange(),
                    HttpStatus.BAD_REQUEST, "invalid-request");
            assertThat(problem.rejectedFields()).as("limit=%s", limit).containsExactly("limit");
        }
        var problem = Problem.expect(http.get().uri("/api/institutions?after=not-a-uuid").exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(problem.rejectedFields()).containsExactly("after");
    }

    @Test
    void renaming_changes_the_name_and_the_version_but_not_the_code() {
        var institution = register("Old Name", uniqueCode("I"));

        var renamed = http.patch().uri("/api/institutions/{id}", institution.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "New Name"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Institution.class).returnResult().getResponseBody();

        assertThat(renamed).extracting(Institution::name, Institution::code, Institution::version)
                .containsExactly("New Name", institution.code(), institution.version() + 1);
        assertThat(get(institution.id()).name()).isEqualTo("New Name");
        assertThat(Problem.expect(http.patch().uri("/api/institutions/{id}", institution.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "")).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields()).containsExactly("name");
    }

    @Test
    void departments_are_added_listed_and_unique_by_code_in_any_letter_case_within_their_institution() {
        var institution = register("With Departments", uniqueCode("I"));
        var departments = "/api/institutions/" + institution.id() + "/departments";

        var created = post(departments, Map.of("name", "Physics", "code", "PHY"))
                .expectStatus().isCreated()
                .expectBody(Department.class).returnResult();
        var physics = created.getResponseBody();
        var history = post(departments, Map.of("name", "History", "code", "HIS"))
                .expectStatus().isCreated()
                .expectBody(Department.class).returnResult().getResponseBody();

        assertThat(created.getResponseHeaders().getLocation()).hasToString(departments + "/" + physics.id());
        assertThat(http.get().uri(departments).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Department>>() {}).returnResult().getResponseBody())
                .extracting(Department::id, Department::code)
                .containsExactly(tuple(physics.id(), "PHY"), tuple(history.id(), "HIS"));
        assertThat(get(institution.id()).departments()).extracting(Department::name).containsExactly("Physics", "History");
        Problem.expect(post(departments, Map.of("name", "Physics again", "code", "phy")), HttpStatus.CONFLICT, "duplicate-code");
        Problem.expect(post("/api/institutions/" + UUID.randomUUID() + "/departments", Map.of("name", "Lost", "code", "LOST")),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void without_a_token_or_with_a_garbage_one_every_institutions_endpoint_is_a_401_unauthenticated_problem() {
        var institution = register("Locked", uniqueCode("I"));
        var garbage = world.bearer("not.a.token");
        for (var client : List.of(anonymous, garbage)) {
            for (var request : List.of(
                    client.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("name", "No token", "code", uniqueCode("I"))),
                    client.get().uri("/api/institutions"),
                    client.get().uri("/api/institutions/{id}", institution.id()),
                    client.patch().uri("/api/institutions/{id}", institution.id()).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("name", "Renamed")),
                    client.post().uri("/api/institutions/{id}/deactivation", institution.id()),
                    client.post().uri("/api/institutions/{id}/departments", institution.id())
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Physics", "code", "PHY")),
                    client.get().uri("/api/institutions/{id}/departments", institution.id()))) {
                var response = request.exchange();
                response.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
                Problem.expect(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
            }
        }
        assertThat(get(institution.id())).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt")
                .isEqualTo(institution);
    }

    @Test
    void only_a_platform_administrator_registers_lists_or_deactivates_institutions_and_anyone_else_gets_a_403_forbidden_problem() {
        var school = world.institution();
        for (var person : List.of(school.admin(), school.instructor(), school.student(), world.outsider())) {
            var client = person.client();
            Problem.expect(client.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Not allowed", "code", uniqueCode("I"))).exchange(), HttpStatus.FORBIDDEN, "forbidden");
            Problem.expect(client.get().uri("/api/institutions").exchange(), HttpStatus.FORBIDDEN, "forbidden");
            Problem.expect(client.post().uri("/api/institutions/{id}/deactivation", school.id()).exchange(),
                    HttpStatus.FORBIDDEN, "forbidden");
        }
        assertThat(get(school.id()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void an_institution_admin_renames_their_institution_and_adds_departments_which_every_member_reads() {
        var school = world.institution();

        var renamed = school.admin().client().patch().uri("/api/institutions/{id}", school.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", " Renamed by its admin ")).exchange()
                .expectStatus().isOk().expectBody(Institution.class).returnResult().getResponseBody();
        var department = school.admin().client().post().uri("/api/institutions/{id}/departments", school.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Chemistry", "code", "CHEM")).exchange()
                .expectStatus().isCreated().expectBody(Department.class).returnResult().getResponseBody();

        assertThat(renamed.name()).isEqualTo("Renamed by its admin");
        for (var member : List.of(school.admin(), school.instructor(), school.student())) {
            var read = member.client().get().uri("/api/institutions/{id}", school.id()).exchange()
                    .expectStatus().isOk().expectBody(Institution.class).returnResult().getResponseBody();
            assertThat(read).extracting(Institution::name, Institution::version)
                    .as("renamed, then a department added").containsExactly("Renamed by its admin", renamed.version() + 1);
            assertThat(read.departments()).extracting(Department::id).containsExactly(department.id());
            assertThat(member.client().get().uri("/api/institutions/{id}/departments", school.id()).exchange()
                    .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Department>>() {})
                    .returnResult().getResponseBody()).extracting(Department::code).containsExactly("CHEM");
        }
    }

    @Test
    void an_instructor_or_a_student_renaming_the_institution_or_adding_a_department_is_a_403_forbidden_problem() {
        var school = world.institution();
        for (var member : List.of(school.instructor(), school.student())) {
            Problem.expect(member.client().patch().uri("/api/institutions/{id}", school.id())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Taken over")).exchange(),
                    HttpStatus.FORBIDDEN, "forbidden");
            Problem.expect(member.client().post().uri("/api/institutions/{id}/departments", school.id())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Rogue", "code", "ROGUE")).exchange(),
                    HttpStatus.FORBIDDEN, "forbidden");
        }
        var read = get(school.id());
        assertThat(read.name()).isEqualTo("Institution " + school.code());
        assertThat(read.departments()).isEmpty();
    }

    @Test
    void an_account_that_belongs_to_no_institution_reading_one_is_a_403_forbidden_problem() {
        var school = world.institution();

        Problem.expect(world.outsider().client().get().uri("/api/institutions/{id}", school.id()).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");
    }

    private Institution register(String name, String code) {
        return post("/api/institutions", Map.of("name", name, "code", code))
                .expectStatus().isCreated()
                .expectBody(Institution.class).returnResult().getResponseBody();
    }

    private Institution get(UUID id) {
        return http.get().uri("/api/institutions/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Institution.class).returnResult().getResponseBody();
    }

    private Page<Listed> list(UUID after, int limit) {
        return http.get().uri("/api/institutions?after={after}&limit={limit}", after, limit).exchange()
                .expectStatus().isOk()
                .expectBody(PAGE).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record Institution(UUID id, String name, String code, String status, long version, Instant createdAt,
            Instant updatedAt, List<Department> departments) {}

    record Department(UUID id, String name, String code, Instant createdAt) {}

    record Listed(UUID id, String name, String code, String status, Instant createdAt) {}

    record Page<T>(List<T> items, UUID next) {}
}
