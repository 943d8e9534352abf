package io.edumatrix.jobs;

import static io.edumatrix.platform.testing.Api.body;
import static io.edumatrix.platform.testing.Api.ids;
import static io.edumatrix.platform.testing.Api.patch;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The job portal over real HTTP against the running application and its database: postings by staff, applications by
 * students, who sees what, and the two state machines with their refusals.
 */
@HttpApplicationTest
@IntegrationTest
class JobsHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient admin;
    private RestTestClient instructor;
    private RestTestClient student;

    @BeforeEach
    void anInstitutionWithItsStaffAndAStudent() {
        world = new World(anonymous);
        school = world.institution();
        admin = school.admin().client();
        instructor = school.instructor().client();
        student = school.student().client();
    }

    @Test
    void staff_draft_a_posting_which_students_see_only_once_it_is_open() {
        var created = post(instructor, "/api/jobs", posting("Lab assistant", "Helps in the chemistry lab"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        var draft = created.getResponseBody();
        var id = draft.get("id");

        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/jobs/" + id);
        assertThat(draft).containsEntry("status", "DRAFT").containsEntry("title", "Lab assistant")
                .containsEntry("location", "Building 3").containsEntry("employmentType", "PART_TIME")
                .containsEntry("institutionId", school.id().toString())
                .containsEntry("postedByAccountId", school.instructor().accountId().toString())
                .containsEntry("version", 0);
        assertThat(read(admin, "/api/jobs/" + id)).isEqualTo(draft);
        Problem.expect(student.get().uri("/api/jobs/{id}", id).exchange(), HttpStatus.NOT_FOUND, "not-found");
        assertThat(ids(read(student, "/api/jobs"))).doesNotContain(id);
        assertThat(ids(read(instructor, "/api/jobs"))).contains(id);

        var open = status(instructor, id, "OPEN");
        assertThat(open).containsEntry("status", "OPEN").containsEntry("version", 1);
        assertThat(read(student, "/api/jobs/" + id)).containsEntry("status", "OPEN");
        assertThat(ids(read(student, "/api/jobs"))).containsExactly(id);

        status(admin, id, "CLOSED");
        assertThat(ids(read(student, "/api/jobs"))).isEmpty();
        assertThat(ids(read(student, "/api/jobs?status=CLOSED"))).isEmpty();
        assertThat(read(student, "/api/jobs/" + id)).containsEntry("status", "CLOSED");
        assertThat(ids(read(instructor, "/api/jobs?status=CLOSED"))).containsExactly(id);
        assertThat(ids(read(instructor, "/api/jobs?status=OPEN"))).isEmpty();
    }

    @Test
    void bad_postings_are_400_problems_naming_the_field_and_students_do_not_post() {
        var past = new HashMap<>(posting("Late", "Too late"));
        past.put("closesAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        assertThat(Problem.expect(post(instructor, "/api/jobs", past), HttpStatus.BAD_REQUEST, "invalid-request")
                .rejectedFields()).containsExactly("closesAt");
        var blank = new HashMap<>(posting(" ", "Nothing"));
        blank.remove("location");
        assertThat(Problem.expect(post(instructor, "/api/jobs", blank), HttpStatus.BAD_REQUEST, "invalid-request")
                .rejectedFields()).containsExactlyInAnyOrder("title", "location");
        var kind = new HashMap<>(posting("Odd", "Odd kind"));
        kind.put("employmentType", "VOLUNTEER");
        assertThat(Problem.expect(post(instructor, "/api/jobs", kind), HttpStatus.BAD_REQUEST, "invalid-request")
                .rejectedFields()).containsExactly("employmentType");
        Problem.expect(post(student, "/api/jobs", posting("Mine", "A student's")), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(instructor.get().uri("/api/jobs/not-an-id").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(instructor.get().uri("/api/jobs?limit=101").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(instructor.get().uri("/api/jobs?status=SOON").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        // Matches both /api/jobs/{id}/applications and /api/jobs/applications/{id}; neither takes it as an id.
        Problem.expect(instructor.get().uri("/api/jobs/applications/applications").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(instructor.get().uri("/api/jobs?q=" + "w".repeat(201)).exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
    }

    @Test
    void the_list_is_keyset_paged_and_searched_by_word_prefixes_in_title_and_description_in_any_case() {
        var welder = open(posting("Welder wanted", "Joins steel beams at the harbour"));
        var baker = open(posting("Night baker", "Bakes bread; steel nerves welcome"));
        var tutor = open(posting("Maths tutor", "Tutors first-year students in ALGEBRA"));
        var draft = created(instructor, posting("Steel draft", "Not yet public"));

        assertThat(ids(read(student, "/api/jobs?q=STEEL"))).containsExactly(welder, baker);
        assertThat(ids(read(instructor, "/api/jobs?q=steel"))).containsExactly(welder, baker, draft);
        assertThat(ids(read(instructor, "/api/jobs?q=steel&status=DRAFT"))).containsExactly(draft);
        assertThat(ids(read(student, "/api/jobs?q=alg"))).containsExactly(tutor);
        assertThat(ids(read(student, "/api/jobs?q=steel harb"))).containsExactly(welder);
        assertThat(ids(read(student, "/api/jobs?q=weld beams"))).containsExactly(welder);
        assertThat(ids(read(student, "/api/jobs?q=plumber"))).isEmpty();
        assertThat(ids(read(student, "/api/jobs?q=%25_'"))).isEmpty();

        var first = read(student, "/api/jobs?limit=2");
        assertThat(ids(first)).containsExactly(welder, baker);
        var second = read(student, "/api/jobs?limit=2&after=" + first.get("next"));
        assertThat(ids(second)).containsExactly(tutor);
        assertThat(second.get("next")).isNull();
        assertThat(ids(read(student, "/api/jobs?q=steel&limit=1&after=" + welder))).containsExactly(baker);

        // A change of the text changes what finds it.
        var version = ((Number) read(instructor, "/api/jobs/" + tutor).get("version")).longValue();
        patch(instructor, "/api/jobs/" + tutor, Map.of("version", version, "description", "Tutors geometry"))
                .expectStatus().isOk();
        assertThat(ids(read(student, "/api/jobs?q=algebra"))).isEmpty();
        assertThat(ids(read(student, "/api/jobs?q=geometry"))).containsExactly(tutor);
    }

    @Test
    void the_poster_or_an_admin_changes_a_draft_or_open_posting_with_the_version_read() {
        var id = created(instructor, posting("Librarian", "Shelves books"));
        var other = world.member(school.admin(), school.id(), "INSTRUCTOR").client();

        Problem.expect(patch(other, "/api/jobs/" + id, Map.of("version", 0, "title", "Mine")), HttpStatus.FORBIDDEN,
                "forbidden");
        Problem.expect(patch(student, "/api/jobs/" + id, Map.of("version", 0, "title", "Mine")), HttpStatus.FORBIDDEN,
                "forbidden");
        Problem.expect(other.post().uri("/api/jobs/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "OPEN")).exchange(), HttpStatus.FORBIDDEN, "forbidden");
        var changed = patch(instructor, "/api/jobs/" + id, Map.of("version", 0, "title", "Head librarian",
                "employmentType", "FULL_TIME")).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(changed).containsEntry("title", "Head librarian").containsEntry("employmentType", "FULL_TIME")
                .containsEntry("description", "Shelves books").containsEntry("version", 1);
        Problem.expect(patch(admin, "/api/jobs/" + id, Map.of("version", 0, "title", "Stale")), HttpStatus.CONFLICT,
                "concurrent-update");
        assertThat(Problem.expect(patch(admin, "/api/jobs/" + id, Map.of("version", 1, "closesAt",
                        Instant.now().minusSeconds(60).toString())), HttpStatus.BAD_REQUEST, "invalid-request")
                .rejectedFields()).containsExactly("closesAt");
        Problem.expect(patch(admin, "/api/jobs/" + id, Map.of("title", "No version")), HttpStatus.BAD_REQUEST,
                "invalid-request");

        status(instructor, id, "OPEN");
        patch(admin, "/api/jobs/" + id, Map.of("version", 2, "location", "Main library")).expectStatus().isOk();
        status(instructor, id, "CLOSED");
        Problem.expect(patch(admin, "/api/jobs/" + id, Map.of("version", 4, "title", "Reopened?")),
                HttpStatus.UNPROCESSABLE_CONTENT, "posting-closed");
    }

    @Test
    void a_posting_moves_draft_open_closed_or_draft_closed_and_nothing_else() {
        var dropped = created(instructor, posting("Dropped", "Never opened"));
        assertThat(status(instructor, dropped, "CLOSED")).containsEntry("status", "CLOSED");
        var refused = Problem.expect(statusOf(instructor, dropped, "OPEN"), HttpStatus.CONFLICT, "invalid-transition");
        assertThat(refused.detail()).contains("CLOSED");

        var id = created(instructor, posting("Porter", "Carries things"));
        Problem.expect(statusOf(instructor, id, "DRAFT"), HttpStatus.CONFLICT, "invalid-transition");
        status(instructor, id, "OPEN");
        Problem.expect(statusOf(instructor, id, "OPEN"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(statusOf(instructor, id, "DRAFT"), HttpStatus.CONFLICT, "invalid-transition");
        status(instructor, id, "CLOSED");
        Problem.expect(statusOf(instructor, id, "CLOSED"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(statusOf(instructor, id, "BOGUS"), HttpStatus.BAD_REQUEST, "invalid-request");

        var late = created(instructor, posting("Late opener", "Its closing time passes while a draft"));
        expire(late);
        Problem.expect(statusOf(instructor, late, "OPEN"), HttpStatus.UNPROCESSABLE_CONTENT, "closing-time-passed");
        assertThat(read(instructor, "/api/jobs/" + late)).containsEntry("status", "DRAFT");
    }

    @Test
    void a_student_applies_once_to_an_open_posting_before_it_closes_with_a_sealed_cover_letter() throws Exception {
        var id = open(posting("Barista", "Coffee for the campus"));
        var created = post(student, "/api/jobs/" + id + "/applications", Map.of("coverLetter", "I love coffee"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        var application = created.getResponseBody();
        var applicationId = application.get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/jobs/applications/" + applicationId);
        assertThat(application).containsEntry("status", "SUBMITTED").containsEntry("postingId", id)
                .containsEntry("applicantAccountId", school.student().accountId().toString())
                .containsEntry("coverLetter", "I love coffee");

        Problem.expect(post(student, "/api/jobs/" + id + "/applications", Map.of("coverLetter", "Again")),
                HttpStatus.CONFLICT, "already-applied");
        Problem.expect(post(instructor, "/api/jobs/" + id + "/applications", Map.of("coverLetter", "Me too")),
                HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(post(student, "/api/jobs/" + id + "/applications", Map.of("coverLetter", " ")),
                HttpStatus.BAD_REQUEST, "invalid-request");

        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.prepareStatement(
                "SELECT cover_letter FROM jobs.job_application WHERE id = ?::uuid")) {
            query.setString(1, String.valueOf(applicationId));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("coffee");
            }
        }

        var draft = created(instructor, posting("Secret", "Not open"));
        Problem.expect(post(student, "/api/jobs/" + draft + "/applications", Map.of("coverLetter", "Hi")),
                HttpStatus.NOT_FOUND, "not-found");
        var closed = open(posting("Closed", "Was open"));
        status(instructor, closed, "CLOSED");
        Problem.expect(post(student, "/api/jobs/" + closed + "/applications", Map.of("coverLetter", "Hi")),
                HttpStatus.UNPROCESSABLE_CONTENT, "posting-closed");
        var expired = open(posting("Expired", "Open, but past its closing time"));
        expire(expired);
        Problem.expect(post(student, "/api/jobs/" + expired + "/applications", Map.of("coverLetter", "Hi")),
                HttpStatus.UNPROCESSABLE_CONTENT, "posting-closed");
        Problem.expect(post(student, "/api/jobs/" + UUID.randomUUID() + "/applications", Map.of("coverLetter", "Hi")),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void an_application_goes_through_the_process_by_staff_of_the_posting_and_is_withdrawn_by_its_applicant_only() {
        var id = open(posting("Research assistant", "Reads papers"));
        var hired = apply(student, id, "Pick me");
        var otherStudent = world.member(school.admin(), school.id(), "STUDENT").client();
        var rejected = apply(otherStudent, id, "Or me");
        var thirdStudent = world.member(school.admin(), school.id(), "STUDENT").client();
        var withdrawn = apply(thirdStudent, id, "Maybe me");
        var otherInstructor = world.member(school.admin(), school.id(), "INSTRUCTOR").client();

        Problem.expect(applicationStatus(student, hired, "UNDER_REVIEW"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(applicationStatus(otherInstructor, hired, "UNDER_REVIEW"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(applicationStatus(instructor, hired, "WITHDRAWN"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(applicationStatus(otherStudent, hired, "WITHDRAWN"), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(applicationStatus(instructor, hired, "OFFERED"), HttpStatus.CONFLICT, "invalid-transition");
        for (var next : List.of("UNDER_REVIEW", "INTERVIEW", "OFFERED")) {
            assertThat(applicationStatusOk(instructor, hired, next)).containsEntry("status", next);
        }
        assertThat(applicationStatusOk(admin, hired, "HIRED")).containsEntry("status", "HIRED")
                .containsEntry("version", 4).containsEntry("coverLetter", "Pick me");
        for (var after : List.of("REJECTED", "WITHDRAWN", "OFFERED")) {
            var refused = Problem.expect(applicationStatus(after.equals("WITHDRAWN") ? student : instructor, hired, after),
                    HttpStatus.CONFLICT, "invalid-transition");
            assertThat(refused.detail()).contains("HIRED");
        }

        applicationStatusOk(instructor, rejected, "UNDER_REVIEW");
        assertThat(applicationStatusOk(admin, rejected, "REJECTED")).containsEntry("status", "REJECTED");
        Problem.expect(applicationStatus(otherStudent, rejected, "WITHDRAWN"), HttpStatus.CONFLICT,
                "invalid-transition");
        assertThat(applicationStatusOk(thirdStudent, withdrawn, "WITHDRAWN")).containsEntry("status", "WITHDRAWN");
        Problem.expect(applicationStatus(instructor, withdrawn, "UNDER_REVIEW"), HttpStatus.CONFLICT,
                "invalid-transition");
        Problem.expect(applicationStatus(instructor, withdrawn, "BOGUS"), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void the_poster_and_admins_see_a_postings_applications_and_an_applicant_only_their_own() {
        var id = open(posting("Gardener", "Keeps the lawns"));
        var mine = apply(student, id, "Green thumbs");
        var otherStudent = world.member(school.admin(), school.id(), "STUDENT").client();
        var theirs = apply(otherStudent, id, "Greener thumbs");
        var another = open(posting("Cook", "Cooks"));
        var mineToo = apply(student, another, "I cook");
        var otherInstructor = world.member(school.admin(), school.id(), "INSTRUCTOR").client();

        var page = read(instructor, "/api/jobs/" + id + "/applications?limit=1");
        assertThat(ids(page)).containsExactly(mine);
        assertThat(ids(read(admin, "/api/jobs/" + id + "/applications?after=" + page.get("next"))))
                .containsExactly(theirs);
        Problem.expect(otherInstructor.get().uri("/api/jobs/{id}/applications", id).exchange(), HttpStatus.FORBIDDEN,
                "forbidden");
        Problem.expect(student.get().uri("/api/jobs/{id}/applications", id).exchange(), HttpStatus.FORBIDDEN,
                "forbidden");

        assertThat(read(student, "/api/jobs/applications/" + mine)).containsEntry("coverLetter", "Green thumbs");
        assertThat(read(instructor, "/api/jobs/applications/" + theirs)).containsEntry("coverLetter", "Greener thumbs");
        assertThat(read(admin, "/api/jobs/applications/" + theirs)).containsEntry("status", "SUBMITTED");
        Problem.expect(student.get().uri("/api/jobs/applications/{id}", theirs).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(otherInstructor.get().uri("/api/jobs/applications/{id}", theirs).exchange(),
                HttpStatus.FORBIDDEN, "forbidden");

        var first = read(student, "/api/jobs/applications/mine?limit=1");
        assertThat(ids(first)).containsExactly(mine);
        assertThat(ids(read(student, "/api/jobs/applications/mine?after=" + first.get("next"))))
                .containsExactly(mineToo);
        assertThat(ids(read(otherStudent, "/api/jobs/applications/mine"))).containsExactly(theirs);
        assertThat(ids(read(instructor, "/api/jobs/applications/mine"))).isEmpty();
    }

    @Test
    void another_institutions_postings_and_applications_are_not_found_and_not_listed() {
        var elsewhere = world.institution();
        var theirs = created(elsewhere.instructor().client(), posting("Elsewhere", "Steel elsewhere"));
        status(elsewhere.instructor().client(), theirs, "OPEN");
        var theirApplication = apply(elsewhere.student().client(), theirs, "Over there");
        open(posting("Here", "Steel here"));

        Problem.expect(student.get().uri("/api/jobs/{id}", theirs).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(admin.get().uri("/api/jobs/{id}", theirs).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(patch(admin, "/api/jobs/" + theirs, Map.of("version", 1, "title", "Ours")), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(statusOf(admin, theirs, "CLOSED"), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(post(student, "/api/jobs/" + theirs + "/applications", Map.of("coverLetter", "Hi")),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(admin.get().uri("/api/jobs/{id}/applications", theirs).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(admin.get().uri("/api/jobs/applications/{id}", theirApplication).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(applicationStatus(admin, theirApplication, "REJECTED"), HttpStatus.NOT_FOUND, "not-found");
        assertThat(ids(read(admin, "/api/jobs?q=steel"))).doesNotContain(theirs).hasSize(1);
        assertThat(read(elsewhere.instructor().client(), "/api/jobs/" + theirs)).containsEntry("status", "OPEN");
    }

    private static Map<String, Object> posting(String title, String description) {
        return Map.of("title", title, "description", description, "location", "Building 3", "employmentType",
                "PART_TIME", "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
    }

    private String created(RestTestClient client, Map<String, Object> posting) {
        return String.valueOf(post(client, "/api/jobs", posting).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id"));
    }

    private String open(Map<String, Object> posting) {
        var id = created(instructor, posting);
        status(instructor, id, "OPEN");
        return id;
    }

    private static String apply(RestTestClient client, Object postingId, String coverLetter) {
        return String.valueOf(post(client, "/api/jobs/" + postingId + "/applications", Map.of("coverLetter", coverLetter))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    /** Moves the posting's closing time into the past, as time passing would (the API accepts only future ones). */
    private static void expire(Object postingId) {
        try (var db = TestDatabase.get().connectAsAdmin(); var update = db.prepareStatement(
                "UPDATE jobs.job_posting SET closes_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
            update.setString(1, String.valueOf(postingId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> status(RestTestClient client, Object id, String status) {
        return body(statusOf(client, id, status).expectStatus().isOk());
    }

    private static RestTestClient.ResponseSpec statusOf(RestTestClient client, Object id, String status) {
        return post(client, "/api/jobs/" + id + "/status", Map.of("status", status));
    }

    private static RestTestClient.ResponseSpec applicationStatus(RestTestClient client, Object id, String status) {
        return post(client, "/api/jobs/applications/" + id + "/status", Map.of("status", status));
    }

    private static Map<String, Object> applicationStatusOk(RestTestClient client, Object id, String status) {
        return body(applicationStatus(client, id, status).expectStatus().isOk());
    }
}
