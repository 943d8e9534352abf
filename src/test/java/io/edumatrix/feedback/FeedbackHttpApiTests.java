package io.edumatrix.feedback;

import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Feedback over real HTTP against the running application and its database: ratings of a course and of the platform
 * by the institution's members, one per account and subject, the summary, the lists, and moderation by the admin.
 */
@HttpApplicationTest
@IntegrationTest
class FeedbackHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient admin;
    private RestTestClient instructor;
    private RestTestClient student;
    private UUID course;

    @BeforeEach
    void anInstitutionWithACourse() {
        world = new World(anonymous);
        school = world.institution();
        admin = school.admin().client();
        instructor = school.instructor().client();
        student = school.student().client();
        course = course(school, "ALG1");
        World.enroll(student, course);
    }

    @Test
    void a_first_rating_is_created_a_second_replaces_it_and_the_comment_is_stored_sealed() throws Exception {
        var created = submit(student, course("COURSE", course, 4, "Clear lectures, hard exams"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        var first = created.getResponseBody();
        var id = (String) first.get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/feedback/" + id);
        assertThat(first).containsEntry("subjectType", "COURSE").containsEntry("subjectId", course.toString())
                .containsEntry("rating", 4).containsEntry("comment", "Clear lectures, hard exams")
                .containsEntry("status", "VISIBLE").containsEntry("mine", true).doesNotContainKey("authorAccountId");

        var replaced = submit(student, course("COURSE", course, 2, null)).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(replaced).containsEntry("id", id).containsEntry("rating", 2).containsEntry("comment", null);
        assertThat(((Number) replaced.get("version")).longValue()).isEqualTo(((Number) first.get("version")).longValue() + 1);
        assertThat(read(instructor, "/api/feedback/" + id)).containsEntry("rating", 2).containsEntry("mine", false);
        assertThat(items(read(student, "/api/feedback/mine"))).extracting(item -> item.get("id")).containsExactly(id);

        submit(student, course("COURSE", course, 5, "Better after the retake")).expectStatus().isOk();
        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.prepareStatement(
                "SELECT count(*) OVER (), comment FROM feedback.feedback WHERE author_account_id = ?")) {
            query.setObject(1, school.student().accountId());
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(1);
                assertThat(new String(row.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("retake");
            }
        }
    }

    @Test
    void the_summary_counts_each_rating_and_averages_to_two_places_and_the_platform_has_no_subject_id() {
        assertThat(read(student, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course))
                .containsEntry("count", 0).containsEntry("average", null)
                .containsEntry("distribution", Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0));

        submit(student, course("COURSE", course, 5, null)).expectStatus().isCreated();
        submit(learner(course), course("COURSE", course, 4, null)).expectStatus().isCreated();
        submit(learner(course), course("COURSE", course, 4, "Fine")).expectStatus().isCreated();
        var other = course(school, "ALG2");
        submit(learner(other), course("COURSE", other, 1, null)).expectStatus().isCreated();
        var platform = submit(student, course("PLATFORM", null, 3, "Fast enough")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(platform).containsEntry("subjectType", "PLATFORM").containsEntry("subjectId", null);

        var summary = read(student, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course);
        assertThat(summary).containsEntry("subjectType", "COURSE").containsEntry("subjectId", course.toString())
                .containsEntry("count", 3).containsEntry("average", 4.33)
                .containsEntry("distribution", Map.of("1", 0, "2", 0, "3", 0, "4", 2, "5", 1));
        assertThat(read(admin, "/api/feedback/summary?subjectType=PLATFORM")).containsEntry("count", 1)
                .containsEntry("average", 3.0).containsEntry("subjectId", null);
    }

    @Test
    void a_course_is_rated_only_by_its_enrolled_students_not_by_others_nor_by_one_withdrawn_and_refusals_store_nothing()
            throws Exception {
        var classmate = world.member(school.admin(), school.id(), "STUDENT").client();
        Problem.expect(submit(classmate, course("COURSE", course, 3, "Never came")), HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-learner");
        Problem.expect(submit(instructor, course("COURSE", course, 5, null)), HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-learner");
        Problem.expect(submit(admin, course("COURSE", course, 5, null)), HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-learner");
        submit(classmate, course("PLATFORM", null, 4, null)).expectStatus().isCreated();

        World.enroll(classmate, course);
        submit(classmate, course("COURSE", course, 4, "Now enrolled")).expectStatus().isCreated();
        submit(student, course("COURSE", course, 2, null)).expectStatus().isCreated();
        World.withdraw(student, course);
        Problem.expect(submit(student, course("COURSE", course, 1, "After leaving")), HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-learner");

        var leaver = world.learner(school, course);
        World.withdraw(leaver.client(), course);
        Problem.expect(submit(leaver.client(), course("COURSE", course, 1, null)), HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-learner");
        assertThat(read(admin, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course)).containsEntry("count", 2)
                .containsEntry("distribution", Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 0));
        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.prepareStatement(
                "SELECT count(*) FROM feedback.feedback WHERE author_account_id = ANY (?) AND subject_type = 'COURSE'")) {
            query.setArray(1, db.createArrayOf("uuid", new Object[] {school.instructor().accountId(),
                    school.admin().accountId(), leaver.accountId()}));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isZero();
            }
        }
    }

    @Test
    void the_subject_must_exist_and_be_named_as_its_type_requires_and_bad_input_is_a_400_naming_the_field() {
        Problem.expect(submit(student, course("COURSE", UUID.randomUUID(), 3, null)), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(submit(student, course("JOB", UUID.randomUUID(), 3, null)), HttpStatus.NOT_FOUND, "not-found");
        var elsewhere = course(world.institution(), "ALG1");
        var theirs = Problem.expect(submit(student, course("COURSE", elsewhere, 3, null)), HttpStatus.NOT_FOUND,
                "not-found");
        var nowhere = UUID.randomUUID();
        assertThat(theirs.detail().replace(elsewhere.toString(), "<id>")).isEqualTo(Problem.expect(
                submit(student, course("COURSE", nowhere, 3, null)), HttpStatus.NOT_FOUND, "not-found")
                .detail().replace(nowhere.toString(), "<id>"));
        Problem.expect(student.get().uri("/api/feedback/summary?subjectType=COURSE&subjectId={id}", elsewhere).exchange(),
                HttpStatus.NOT_FOUND, "not-found");

        assertThat(rejected(submit(student, course("COURSE", null, 3, null)))).containsExactly("subjectId");
        assertThat(rejected(submit(student, course("PLATFORM", course, 3, null)))).containsExactly("subjectId");
        assertThat(rejected(submit(student, course("COURSE", course, 0, null)))).containsExactly("rating");
        assertThat(rejected(submit(student, course("COURSE", course, 6, null)))).containsExactly("rating");
        assertThat(rejected(submit(student, course("COURSE", course, null, null)))).containsExactly("rating");
        assertThat(rejected(submit(student, course("COURSE", course, 3, " ")))).containsExactly("comment");
        assertThat(rejected(submit(student, course("COURSE", course, 3, "x".repeat(2001))))).containsExactly("comment");
        assertThat(rejected(submit(student, course(null, course, 3, null)))).containsExactly("subjectType");
        assertThat(rejected(submit(student, course("TEACHER", course, 3, null)))).containsExactly("subjectType");
        assertThat(rejected(student.get().uri("/api/feedback/summary?subjectType=COURSE").exchange()))
                .containsExactly("subjectId");
        assertThat(rejected(student.get().uri("/api/feedback/summary").exchange())).containsExactly("subjectType");
        assertThat(rejected(student.get().uri("/api/feedback?subjectType=PLATFORM&limit=0").exchange()))
                .containsExactly("limit");
        Problem.expect(student.get().uri("/api/feedback/not-an-id").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(student.get().uri("/api/feedback/{id}", UUID.randomUUID()).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(world.platformAdmin().client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .body(course("PLATFORM", null, 5, null)).exchange(), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void an_open_or_closed_job_posting_of_the_institution_is_rated_a_draft_or_another_institutions_is_not_found() {
        var posting = posting(school);
        Problem.expect(submit(student, course("JOB", posting, 5, null)), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(student.get().uri("/api/feedback/summary?subjectType=JOB&subjectId={id}", posting).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        postingStatus(school, posting, "OPEN");
        var rated = submit(student, course("JOB", posting, 5, "Great mentor")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(rated).containsEntry("subjectType", "JOB").containsEntry("subjectId", posting.toString());
        postingStatus(school, posting, "CLOSED");
        submit(instructor, course("JOB", posting, 2, null)).expectStatus().isCreated();
        assertThat(read(admin, "/api/feedback/summary?subjectType=JOB&subjectId=" + posting)).containsEntry("count", 2)
                .containsEntry("average", 3.5).containsEntry("distribution", Map.of("1", 0, "2", 1, "3", 0, "4", 0, "5", 1));
        assertThat(items(read(admin, "/api/feedback?subjectType=JOB&subjectId=" + posting))).hasSize(2);
        assertThat(read(admin, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course)).containsEntry("count", 0);

        var elsewhere = world.institution();
        var theirs = posting(elsewhere);
        postingStatus(elsewhere, theirs, "OPEN");
        var nowhere = UUID.randomUUID();
        assertThat(Problem.expect(submit(student, course("JOB", theirs, 3, null)), HttpStatus.NOT_FOUND, "not-found")
                .detail().replace(theirs.toString(), "<id>")).isEqualTo(Problem.expect(
                submit(student, course("JOB", nowhere, 3, null)), HttpStatus.NOT_FOUND, "not-found")
                .detail().replace(nowhere.toString(), "<id>"));
    }

    @Test
    void a_subjects_feedback_is_listed_oldest_first_in_keyset_pages_without_its_authors() {
        var classmate = world.learner(school, course);
        var people = new ArrayList<RestTestClient>(List.of(student, classmate.client(), learner(course), learner(course)));
        var ids = new ArrayList<Object>();
        for (var i = 0; i < people.size(); i++) {
            ids.add(submit(people.get(i), course("COURSE", course, i + 1, "c" + i)).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id"));
        }
        submit(student, course("PLATFORM", null, 5, "not of the course")).expectStatus().isCreated();

        var first = read(student, "/api/feedback?subjectType=COURSE&subjectId=" + course + "&limit=3");
        var second = read(student, "/api/feedback?subjectType=COURSE&subjectId=" + course + "&limit=3&after="
                + first.get("next"));
        assertThat(items(first)).extracting(item -> item.get("id")).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(items(second)).extracting(item -> item.get("id")).containsExactly(ids.get(3));
        assertThat(second.get("next")).isNull();
        assertThat(items(first)).extracting(item -> item.get("mine")).containsExactly(true, false, false);
        assertThat(items(first)).extracting(item -> item.get("comment")).containsExactly("c0", "c1", "c2");
        assertThat(first.toString()).doesNotContain(school.student().accountId().toString())
                .doesNotContain(classmate.accountId().toString());
    }

    @Test
    void an_admin_hides_a_comment_which_others_no_longer_see_while_its_rating_counts_and_the_trail_names_the_admin() {
        var id = submit(student, course("COURSE", course, 1, "Rude words")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        Problem.expect(status(instructor, id, "HIDDEN", null), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(status(student, id, "HIDDEN", null), HttpStatus.FORBIDDEN, "forbidden");

        var hidden = status(admin, id, "HIDDEN", 0L).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(hidden).containsEntry("status", "HIDDEN").containsEntry("comment", "Rude words").containsEntry("version", 1);
        assertThat(read(instructor, "/api/feedback/" + id)).containsEntry("status", "HIDDEN").containsEntry("comment", null)
                .containsEntry("rating", 1);
        assertThat(items(read(instructor, "/api/feedback?subjectType=COURSE&subjectId=" + course)))
                .singleElement().satisfies(item -> assertThat(item).containsEntry("comment", null));
        assertThat(read(admin, "/api/feedback/" + id)).as("a moderator still reads it")
                .containsEntry("status", "HIDDEN").containsEntry("comment", "Rude words");
        assertThat(items(read(student, "/api/feedback/mine"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("comment", "Rude words").containsEntry("status", "HIDDEN"));
        assertThat(read(instructor, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course))
                .containsEntry("count", 1).containsEntry("average", 1.0);
        submit(student, course("COURSE", course, 2, "Still rude")).expectStatus().isOk();
        assertThat(read(instructor, "/api/feedback/" + id)).as("resubmitting does not unhide")
                .containsEntry("status", "HIDDEN").containsEntry("comment", null).containsEntry("rating", 2);

        var refused = Problem.expect(status(admin, id, "HIDDEN", null), HttpStatus.CONFLICT, "invalid-transition");
        assertThat(refused.detail()).contains("HIDDEN");
        var problem = admin.post().uri("/api/feedback/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "HIDDEN")).exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem).containsEntry("currentState", "HIDDEN").containsEntry("allowedStates", List.of("VISIBLE"));
        Problem.expect(status(admin, id, "VISIBLE", 1L), HttpStatus.CONFLICT, "concurrent-update");
        assertThat(status(admin, id, "VISIBLE", 2L).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody()).containsEntry("status", "VISIBLE");
        Problem.expect(status(admin, id, "VISIBLE", null), HttpStatus.CONFLICT, "invalid-transition");
        assertThat(read(instructor, "/api/feedback/" + id)).containsEntry("comment", "Still rude");
        assertThat(rejected(status(admin, id, "DELETED", null))).containsExactly("status");

        var trail = items(read(admin, "/api/audit?entity=feedback.feedback&id=" + id));
        assertThat(trail).filteredOn(entry -> "UPDATE".equals(entry.get("operation"))
                        && "HIDDEN".equals(((Map<?, ?>) entry.get("newValues")).get("status"))
                        && "VISIBLE".equals(((Map<?, ?>) entry.get("oldValues")).get("status")))
                .singleElement().satisfies(entry -> assertThat(entry)
                        .containsEntry("accountId", school.admin().accountId().toString())
                        .containsEntry("institutionId", school.id().toString()));
    }

    @Test
    void another_institutions_feedback_is_not_found_neither_read_nor_moderated() {
        var elsewhere = world.institution();
        var theirs = submit(elsewhere.student().client(), course("PLATFORM", null, 5, "Theirs")).expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Problem.expect(student.get().uri("/api/feedback/{id}", theirs).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(status(admin, theirs, "HIDDEN", null), HttpStatus.NOT_FOUND, "not-found");
        assertThat(items(read(admin, "/api/feedback?subjectType=PLATFORM"))).isEmpty();
        assertThat(read(admin, "/api/feedback/summary?subjectType=PLATFORM")).containsEntry("count", 0);
    }

    @Test
    void concurrent_submissions_of_one_account_make_one_row_one_of_them_created() throws Exception {
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (var i = 0; i < 8; i++) {
            var rating = i % 5 + 1;
            tasks.add(() -> {
                start.await();
                return submit(student, course("COURSE", course, rating, "try " + rating)).returnResult().getStatus().value();
            });
        }
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(items(read(student, "/api/feedback/mine"))).hasSize(1);
        assertThat(read(student, "/api/feedback/summary?subjectType=COURSE&subjectId=" + course)).containsEntry("count", 1);
    }

    @Test
    void two_moderators_hiding_at_once_do_not_both_succeed() throws Exception {
        var secondAdmin = world.member(school.admin(), school.id(), "INSTITUTION_ADMIN").client();
        for (var round = 0; round < 5; round++) {
            var id = submit(learner(course),
                    course("COURSE", course, 3, "round " + round)).expectStatus().isCreated().expectBody(Map.class)
                    .returnResult().getResponseBody().get("id");
            var start = new CountDownLatch(1);
            var statuses = new ArrayList<Integer>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                var futures = List.of(admin, secondAdmin).stream().map(moderator -> pool.submit(() -> {
                    start.await();
                    return status(moderator, id, "HIDDEN", 0L).returnResult().getStatus().value();
                })).toList();
                start.countDown();
                for (var future : futures) {
                    statuses.add(future.get());
                }
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(read(admin, "/api/feedback/" + id)).containsEntry("version", 1);
        }
    }

    /** The client of a new student of the school, enrolled in the course. */
    private RestTestClient learner(UUID courseId) {
        return world.learner(school, courseId).client();
    }

    private UUID course(World.Institution institution, String code) {
        return World.course(institution.instructor().client(), institution.id(), code, "Algebra " + code);
    }

    /** A draft posting by the institution's instructor. */
    private static UUID posting(World.Institution institution) {
        return World.jobPosting(institution.instructor().client(), "Lab assistant");
    }

    private static void postingStatus(World.Institution institution, UUID posting, String status) {
        institution.instructor().client().post().uri("/api/jobs/{id}/status", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    private static Map<String, Object> course(String type, UUID subjectId, Integer rating, String comment) {
        var body = new HashMap<String, Object>();
        body.put("subjectType", type);
        body.put("subjectId", subjectId);
        body.put("rating", rating);
        body.put("comment", comment);
        return body;
    }

    private static List<String> rejected(RestTestClient.ResponseSpec response) {
        return Problem.expect(response, HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields();
    }

    private static RestTestClient.ResponseSpec submit(RestTestClient client, Object body) {
        return client.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static RestTestClient.ResponseSpec status(RestTestClient client, Object id, String status, Long version) {
        var body = new HashMap<String, Object>();
        body.put("status", status);
        if (version != null) {
            body.put("version", version);
        }
        return client.post().uri("/api/feedback/{id}/status", id).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }
}
