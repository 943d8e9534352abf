package io.edumatrix.news;

import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Educational news over real HTTP against the running application and its database, as an institution's admin,
 * instructors and student use it: drafts, publication, retraction, corrections, the published list with its search,
 * tag and date filters, and the drafts list.
 */
@HttpApplicationTest
@IntegrationTest
class NewsHttpApiTests {

    private static final String ARTICLES = "/api/news/articles";

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient admin;
    private RestTestClient author;
    private RestTestClient colleague;
    private RestTestClient student;

    @BeforeEach
    void anInstitutionWithAnAdminTwoInstructorsAndAStudent() {
        world = new World(anonymous);
        school = world.institution();
        admin = school.admin().client();
        author = school.instructor().client();
        colleague = world.member(school.admin(), school.id(), "INSTRUCTOR").client();
        student = school.student().client();
    }

    @Test
    void staff_write_a_draft_that_only_its_author_and_the_admins_see_until_it_is_published() {
        var created = post(author, ARTICLES, Map.of("title", "Open day", "body", "Come and see the labs",
                "tags", List.of("open-day", "events", "open-day"))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        var draft = created.getResponseBody();
        var id = draft.get("id");

        assertThat(created.getResponseHeaders().getLocation()).hasToString(ARTICLES + "/" + id);
        assertThat(draft).containsEntry("status", "DRAFT").containsEntry("title", "Open day")
                .containsEntry("body", "Come and see the labs").containsEntry("tags", List.of("events", "open-day"))
                .containsEntry("authorAccountId", school.instructor().accountId().toString())
                .containsEntry("institutionId", school.id().toString()).containsEntry("publishedAt", null);
        assertThat(read(author, ARTICLES + "/" + id)).isEqualTo(draft);
        assertThat(read(admin, ARTICLES + "/" + id)).isEqualTo(draft);
        Problem.expect(colleague.get().uri(ARTICLES + "/{id}", id).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(student.get().uri(ARTICLES + "/{id}", id).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(post(student, ARTICLES, Map.of("title", "Mine", "body", "Students do not write news")),
                HttpStatus.FORBIDDEN, "forbidden");

        var published = status(author, id, Map.of("status", "PUBLISHED")).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(published).containsEntry("status", "PUBLISHED");
        assertThat(published.get("publishedAt")).isNotNull();
        assertThat(read(student, ARTICLES + "/" + id)).isEqualTo(published);
        assertThat(read(colleague, ARTICLES + "/" + id)).isEqualTo(published);
    }

    @Test
    void bad_articles_and_parameters_are_400_problems_naming_the_field() {
        assertThat(Problem.expect(post(author, ARTICLES, Map.of("title", " ", "body", "x")), HttpStatus.BAD_REQUEST,
                "invalid-request").rejectedFields()).contains("title");
        Problem.expect(post(author, ARTICLES, Map.of("title", "x".repeat(201), "body", "x")), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(post(author, ARTICLES, Map.of("title", "t", "body", "")), HttpStatus.BAD_REQUEST,
                "invalid-request");
        for (var tag : List.of("Exams", "a b", "-x", "x".repeat(33), "")) {
            Problem.expect(post(author, ARTICLES, Map.of("title", "t", "body", "b", "tags", List.of(tag))),
                    HttpStatus.BAD_REQUEST, "invalid-request");
        }
        var eleven = new ArrayList<String>();
        for (var i = 0; i < 11; i++) {
            eleven.add("t" + i);
        }
        assertThat(Problem.expect(post(author, ARTICLES, Map.of("title", "t", "body", "b", "tags", eleven)),
                HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields()).contains("tags");
        Problem.expect(author.get().uri(ARTICLES + "/not-an-id").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(author.get().uri(ARTICLES + "?limit=0").exchange(), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(author.get().uri(ARTICLES + "?tag=Not A Tag").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(author.get().uri(ARTICLES + "?from=yesterday").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");

        var id = draft(author, "Reasons", "b", List.of());
        Problem.expect(status(author, id, Map.of()), HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(Problem.expect(status(author, id, Map.of("status", "PUBLISHED", "reason", "why not")),
                HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields()).containsExactly("reason");
        status(author, id, Map.of("status", "PUBLISHED")).expectStatus().isOk();
        assertThat(Problem.expect(status(author, id, Map.of("status", "RETRACTED")), HttpStatus.BAD_REQUEST,
                "invalid-request").rejectedFields()).containsExactly("reason");
        assertThat(Problem.expect(status(author, id, Map.of("status", "RETRACTED", "reason", "  ")),
                HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields()).containsExactly("reason");
        assertThat(read(author, ARTICLES + "/" + id)).containsEntry("status", "PUBLISHED");
    }

    @Test
    void the_lifecycle_goes_from_draft_to_published_to_retracted_and_refuses_every_other_move_with_a_409() {
        var id = draft(author, "Timetable", "New timetable", List.of());
        assertInvalidTransition(status(author, id, Map.of("status", "RETRACTED", "reason", "Never mind")), "DRAFT",
                List.of("PUBLISHED"));
        assertInvalidTransition(status(author, id, Map.of("status", "DRAFT")), "DRAFT", List.of("PUBLISHED"));

        status(author, id, Map.of("status", "PUBLISHED")).expectStatus().isOk();
        assertInvalidTransition(status(author, id, Map.of("status", "PUBLISHED")), "PUBLISHED", List.of("RETRACTED"));
        assertInvalidTransition(status(author, id, Map.of("status", "DRAFT")), "PUBLISHED", List.of("RETRACTED"));

        var retracted = status(author, id, Map.of("status", "RETRACTED", "reason", "Wrong rooms"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(retracted).containsEntry("status", "RETRACTED").containsEntry("retractionReason", "Wrong rooms");
        assertThat(retracted.get("retractedAt")).isNotNull();
        assertInvalidTransition(status(author, id, Map.of("status", "PUBLISHED")), "RETRACTED", List.of());
        assertInvalidTransition(status(author, id, Map.of("status", "RETRACTED", "reason", "Again")), "RETRACTED",
                List.of());
        assertThat(read(student, ARTICLES + "/" + id)).isEqualTo(retracted);
    }

    @Test
    void the_author_or_an_admin_publishes_and_retracts_another_instructor_may_not() {
        var byAuthor = draft(author, "Exams", "Exam week", List.of());
        Problem.expect(status(colleague, byAuthor, Map.of("status", "PUBLISHED")), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(status(student, byAuthor, Map.of("status", "PUBLISHED")), HttpStatus.FORBIDDEN, "forbidden");
        status(admin, byAuthor, Map.of("status", "PUBLISHED")).expectStatus().isOk();
        Problem.expect(status(colleague, byAuthor, Map.of("status", "RETRACTED", "reason", "Mine now")),
                HttpStatus.FORBIDDEN, "forbidden");
        status(admin, byAuthor, Map.of("status", "RETRACTED", "reason", "Dates changed")).expectStatus().isOk();

        var other = draft(author, "Library", "Longer hours", List.of());
        status(author, other, Map.of("status", "PUBLISHED")).expectStatus().isOk();
        status(author, other, Map.of("status", "RETRACTED", "reason", "Not yet")).expectStatus().isOk();
    }

    @Test
    void only_the_author_corrects_a_draft_or_published_article_with_the_version_read_and_a_retracted_one_never() {
        var id = draft(author, "Sports day", "On Friday", List.of("sports"));
        Problem.expect(patch(admin, id, Map.of("version", 0, "title", "Admin's")), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(patch(colleague, id, Map.of("version", 0, "title", "Colleague's")), HttpStatus.NOT_FOUND,
                "not-found");
        var changed = patch(author, id, Map.of("version", 0, "body", "On Saturday", "tags", List.of("sports", "events")))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(changed).containsEntry("title", "Sports day").containsEntry("body", "On Saturday")
                .containsEntry("tags", List.of("events", "sports")).containsEntry("version", 1);
        Problem.expect(patch(author, id, Map.of("version", 0, "body", "Lost")), HttpStatus.CONFLICT, "concurrent-update");
        Problem.expect(patch(author, id, Map.of("version", 1, "title", " ")), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(patch(author, id, Map.of("title", "No version")), HttpStatus.BAD_REQUEST, "invalid-request");

        var published = status(author, id, Map.of("status", "PUBLISHED")).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        Problem.expect(patch(colleague, id, Map.of("version", published.get("version"), "title", "Colleague's")),
                HttpStatus.FORBIDDEN, "forbidden");
        assertThat(patch(author, id, Map.of("version", published.get("version"), "title", "Sports day, corrected"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("status", "PUBLISHED").containsEntry("title", "Sports day, corrected")
                .containsEntry("publishedAt", published.get("publishedAt"));

        var retracted = status(author, id, Map.of("status", "RETRACTED", "reason", "Cancelled")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Problem.expect(patch(author, id, Map.of("version", retracted.get("version"), "title", "Back")),
                HttpStatus.CONFLICT, "article-retracted");
    }

    @Test
    void the_published_list_is_newest_first_in_keyset_pages_without_drafts_or_retracted_articles() {
        var published = new ArrayList<Object>();
        for (var i = 1; i <= 5; i++) {
            published.add(publish(i % 2 == 0 ? author : admin, "News " + i, "Body " + i, List.of()));
        }
        draft(author, "Draft", "Not yet", List.of());
        var retracted = publish(author, "Retracted", "Gone", List.of());
        status(author, retracted, Map.of("status", "RETRACTED", "reason", "Mistake")).expectStatus().isOk();

        var pages = new ArrayList<Map<String, Object>>();
        var page = read(student, ARTICLES + "?limit=2");
        pages.add(page);
        while (page.get("next") != null) {
            page = read(student, ARTICLES + "?limit=2&after=" + page.get("next"));
            pages.add(page);
        }
        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(p -> items(p).stream()).map(item -> item.get("id")).toList())
                .containsExactlyElementsOf(published.reversed());
        assertThat(read(student, ARTICLES + "/" + retracted)).containsEntry("retractionReason", "Mistake");
    }

    @Test
    void the_published_list_is_searched_by_words_of_title_and_body_filtered_by_tag_and_by_publication_time() {
        var exams = publish(author, "Exam timetable", "Rooms for the winter exams are out", List.of("exams"));
        var labs = publish(author, "Open day", "Visit the chemistry labs", List.of("events", "open-day"));
        var concert = publish(admin, "Winter concert", "The choir sings in the great hall", List.of("events"));
        var hidden = draft(author, "Winter draft", "winter exams", List.of("exams"));

        assertThat(ids(ARTICLES + "?q=winter")).containsExactly(concert, exams);
        assertThat(ids(ARTICLES + "?q=chemistry")).containsExactly(labs);
        assertThat(ids(ARTICLES + "?q=\"great hall\"")).containsExactly(concert);
        assertThat(ids(ARTICLES + "?q=winter -choir")).containsExactly(exams);
        assertThat(ids(ARTICLES + "?q=nothing-like-this")).isEmpty();
        assertThat(ids(ARTICLES + "?tag=events")).containsExactly(concert, labs);
        assertThat(ids(ARTICLES + "?tag=events&q=winter")).containsExactly(concert);
        assertThat(ids(ARTICLES + "?tag=exams")).containsExactly(exams).doesNotContain(hidden);
        assertThat(ids(ARTICLES + "?q=")).containsExactly(concert, labs, exams);

        var labsPublished = (String) read(student, ARTICLES + "/" + labs).get("publishedAt");
        assertThat(ids(ARTICLES + "?from=" + labsPublished)).containsExactly(concert, labs);
        assertThat(ids(ARTICLES + "?to=" + labsPublished)).containsExactly(exams);
        assertThat(ids(ARTICLES + "?from=" + labsPublished + "&to=" + labsPublished)).isEmpty();
    }

    @Test
    void the_drafts_list_holds_an_instructors_own_drafts_and_for_an_admin_everyones() {
        var mine = new ArrayList<Object>();
        for (var i = 1; i <= 3; i++) {
            mine.add(draft(author, "Mine " + i, "b", List.of()));
        }
        var theirs = draft(colleague, "Theirs", "b", List.of());
        publish(author, "Not a draft", "b", List.of());

        var first = read(author, ARTICLES + "/drafts?limit=2");
        var second = read(author, ARTICLES + "/drafts?limit=2&after=" + first.get("next"));
        assertThat(items(first)).extracting(item -> item.get("id")).containsExactly(mine.get(2), mine.get(1));
        assertThat(items(second)).extracting(item -> item.get("id")).containsExactly(mine.get(0));
        assertThat(second.get("next")).isNull();
        assertThat(items(read(colleague, ARTICLES + "/drafts"))).extracting(item -> item.get("id"))
                .containsExactly(theirs);
        assertThat(items(read(admin, ARTICLES + "/drafts"))).extracting(item -> item.get("id"))
                .containsExactly(theirs, mine.get(2), mine.get(1), mine.get(0));
        Problem.expect(student.get().uri(ARTICLES + "/drafts").exchange(), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void another_institutions_articles_are_not_found_and_not_listed() {
        var elsewhere = world.institution();
        var theirs = publish(elsewhere.instructor().client(), "Over there", "Their news", List.of("events"));
        var theirDraft = draft(elsewhere.instructor().client(), "Their draft", "Theirs", List.of());
        var mine = publish(author, "Here", "Our news", List.of("events"));

        for (var id : List.of(theirs, theirDraft)) {
            Problem.expect(admin.get().uri(ARTICLES + "/{id}", id).exchange(), HttpStatus.NOT_FOUND, "not-found");
            Problem.expect(admin.post().uri(ARTICLES + "/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", "RETRACTED", "reason", "Ours now")).exchange(), HttpStatus.NOT_FOUND,
                    "not-found");
        }
        assertThat(ids(ARTICLES + "?tag=events")).containsExactly(mine);
        assertThat(ids(ARTICLES + "?q=news")).containsExactly(mine);
        assertThat(items(read(admin, ARTICLES + "/drafts"))).isEmpty();
        assertThat(ids(ARTICLES + "?after=" + theirs)).isEmpty();
    }

    @Test
    void of_concurrent_publications_of_one_draft_exactly_one_succeeds_and_the_others_are_409s() throws Exception {
        var id = draft(author, "Race", "Who publishes first", List.of());
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (var i = 0; i < 6; i++) {
            var client = i % 2 == 0 ? author : admin;
            tasks.add(() -> {
                start.await();
                return status(client, id, Map.of("status", "PUBLISHED")).returnResult(String.class).getStatus().value();
            });
        }
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(read(author, ARTICLES + "/" + id)).containsEntry("status", "PUBLISHED").containsEntry("version", 1);
    }

    private void assertInvalidTransition(RestTestClient.ResponseSpec response, String current, List<String> allowed) {
        var problem = response.expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("type", "https://edumatrix.io/problems/invalid-transition")
                .containsEntry("currentState", current).containsEntry("allowedStates", allowed);
    }

    private List<Object> ids(String uri) {
        return items(read(student, uri)).stream().map(item -> item.get("id")).toList();
    }

    private static Object draft(RestTestClient client, String title, String body, List<String> tags) {
        var request = new HashMap<String, Object>(Map.of("title", title, "body", body, "tags", tags));
        return post(client, ARTICLES, request).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }

    private static Object publish(RestTestClient client, String title, String body, List<String> tags) {
        var id = draft(client, title, body, tags);
        status(client, id, Map.of("status", "PUBLISHED")).expectStatus().isOk();
        return id;
    }

    private static RestTestClient.ResponseSpec status(RestTestClient client, Object id, Object body) {
        return post(client, ARTICLES + "/" + id + "/status", body);
    }

    private static RestTestClient.ResponseSpec patch(RestTestClient client, Object id, Object body) {
        return client.patch().uri(ARTICLES + "/{id}", id).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
