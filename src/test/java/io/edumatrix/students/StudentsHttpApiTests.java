package io.edumatrix.students;

import static io.edumatrix.platform.testing.Api.patch;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Api.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Students Interlinked over real HTTP against the running application and its database: profiles, posts, likes,
 * comments, follows and the feed, as the institution's student and instructor use them.
 */
@HttpApplicationTest
@IntegrationTest
class StudentsHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient student;
    private RestTestClient instructor;

    @BeforeEach
    void anInstitutionWithAStudentAndAnInstructor() {
        world = new World(anonymous);
        school = world.institution();
        student = school.student().client();
        instructor = school.instructor().client();
    }

    @Test
    void a_profile_is_created_once_per_account_and_institution_read_back_and_its_personal_columns_are_stored_sealed()
            throws Exception {
        var created = post(student, "/api/students/profiles", Map.of("headline", "Maths and poetry",
                "bio", "Second year, likes proofs", "program", "BSc Mathematics", "graduationYear", 2028))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        var profile = created.getResponseBody();
        var id = UUID.fromString((String) profile.get("id"));

        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/students/profiles/" + id);
        assertThat(profile).containsEntry("headline", "Maths and poetry").containsEntry("bio", "Second year, likes proofs")
                .containsEntry("program", "BSc Mathematics").containsEntry("graduationYear", 2028)
                .containsEntry("accountId", school.student().accountId().toString())
                .containsEntry("institutionId", school.id().toString());
        assertThat(read(student, "/api/students/profiles/me")).isEqualTo(profile);
        assertThat(read(instructor, "/api/students/profiles/" + id)).isEqualTo(profile);
        Problem.expect(post(student, "/api/students/profiles", Map.of("headline", "Again")), HttpStatus.CONFLICT,
                "profile-exists");

        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT headline, bio FROM students.profile WHERE id = ?")) {
            query.setObject(1, id);
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("Maths");
                assertThat(new String(row.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("proofs");
            }
        }
    }

    @Test
    void bad_profiles_and_posts_are_400_invalid_request_problems_and_a_missing_profile_is_a_404_or_422() {
        Problem.expect(post(student, "/api/students/profiles", Map.of("headline", " ")), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(post(student, "/api/students/profiles", Map.of("headline", "ok", "graduationYear", 1800)),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(post(student, "/api/students/profiles", Map.of("headline", "x".repeat(201))),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(student.get().uri("/api/students/profiles/me").exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(student.get().uri("/api/students/profiles/not-an-id").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(post(student, "/api/students/posts", Map.of("body", "Before my profile")),
                HttpStatus.UNPROCESSABLE_CONTENT, "no-profile");
        profile(student, "Here now");
        Problem.expect(post(student, "/api/students/posts", Map.of("body", "")), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(student.get().uri("/api/students/feed?limit=0").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
    }

    @Test
    void only_the_owner_changes_a_profile_and_a_stale_version_is_a_409_concurrent_update() {
        var id = profile(student, "First headline");
        profile(instructor, "Teacher");
        var version = ((Number) read(student, "/api/students/profiles/" + id).get("version")).longValue();

        Problem.expect(patch(instructor, "/api/students/profiles/" + id, Map.of("version", version, "headline", "Mine")),
                HttpStatus.FORBIDDEN, "forbidden");
        var changed = patch(student, "/api/students/profiles/" + id,
                Map.of("version", version, "headline", "Second headline", "graduationYear", 2027))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(changed).containsEntry("headline", "Second headline").containsEntry("graduationYear", 2027);
        assertThat(((Number) changed.get("version")).longValue()).isEqualTo(version + 1);
        Problem.expect(patch(student, "/api/students/profiles/" + id, Map.of("version", version, "headline", "Lost")),
                HttpStatus.CONFLICT, "concurrent-update");
        assertThat(read(student, "/api/students/profiles/me")).containsEntry("headline", "Second headline");
    }

    @Test
    void a_post_is_edited_and_deleted_by_its_author_only_and_a_like_counts_once_per_account() {
        profile(student, "Author");
        profile(instructor, "Reader");
        var post = post(student, "/api/students/posts", Map.of("body", "Proofs are poems"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var id = post.get("id");
        var version = ((Number) post.get("version")).longValue();

        Problem.expect(patch(instructor, "/api/students/posts/" + id, Map.of("version", version, "body", "Mine")),
                HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(instructor.delete().uri("/api/students/posts/{id}", id).exchange(), HttpStatus.FORBIDDEN,
                "forbidden");
        assertThat(patch(student, "/api/students/posts/" + id, Map.of("version", version, "body", "Poems are proofs"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("body", "Poems are proofs");
        Problem.expect(patch(student, "/api/students/posts/" + id, Map.of("version", version, "body", "Stale")),
                HttpStatus.CONFLICT, "concurrent-update");

        like(instructor, id);
        var twice = like(instructor, id);
        assertThat(twice).containsEntry("likeCount", 1).containsEntry("likedByMe", true);
        assertThat(like(student, id)).containsEntry("likeCount", 2);
        @SuppressWarnings("unchecked")
        var unliked = (Map<String, Object>) instructor.delete().uri("/api/students/posts/{id}/like", id).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(unliked).containsEntry("likeCount", 1).containsEntry("likedByMe", false);
        assertThat(read(instructor, "/api/students/posts/" + id)).containsEntry("body", "Poems are proofs")
                .containsEntry("likeCount", 1);

        post(instructor, "/api/students/posts/" + id + "/comments", Map.of("body", "Nice")).expectStatus().isCreated();
        student.delete().uri("/api/students/posts/{id}", id).exchange().expectStatus().isNoContent();
        Problem.expect(instructor.get().uri("/api/students/posts/{id}", id).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void comments_are_listed_oldest_first_in_keyset_pages() {
        profile(student, "Author");
        profile(instructor, "Reader");
        var id = post(student, "/api/students/posts", Map.of("body", "Discuss")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (var i = 1; i <= 3; i++) {
            post(i % 2 == 0 ? student : instructor, "/api/students/posts/" + id + "/comments", Map.of("body", "c" + i))
                    .expectStatus().isCreated();
        }
        var first = read(student, "/api/students/posts/" + id + "/comments?limit=2");
        var second = read(student, "/api/students/posts/" + id + "/comments?limit=2&after=" + first.get("next"));
        assertThat(values(first, "body")).containsExactly("c1", "c2");
        assertThat(values(second, "body")).containsExactly("c3");
        assertThat(second.get("next")).isNull();
    }

    @Test
    void the_feed_holds_the_posts_of_followed_profiles_newest_first_in_keyset_pages_until_unfollowed() {
        var followed = profile(student, "Followed");
        profile(instructor, "Follower");
        var other = world.member(school.admin(), school.id(), "STUDENT").client();
        profile(other, "Not followed");
        Problem.expect(instructor.put().uri("/api/students/profiles/{id}/follow", profile(instructor)).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "self-follow");

        instructor.put().uri("/api/students/profiles/{id}/follow", followed).exchange().expectStatus().isNoContent();
        instructor.put().uri("/api/students/profiles/{id}/follow", followed).exchange().expectStatus().isNoContent();
        var posted = new ArrayList<String>();
        for (var i = 1; i <= 5; i++) {
            posted.add(String.valueOf(post(student, "/api/students/posts", Map.of("body", "post " + i))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
            post(other, "/api/students/posts", Map.of("body", "noise " + i)).expectStatus().isCreated();
        }

        // Likes show in the feed: two on post 5 (one the reader's), one on post 4 by someone else.
        instructor.put().uri("/api/students/posts/{id}/like", posted.get(4)).exchange().expectStatus().isOk();
        other.put().uri("/api/students/posts/{id}/like", posted.get(4)).exchange().expectStatus().isOk();
        other.put().uri("/api/students/posts/{id}/like", posted.get(3)).exchange().expectStatus().isOk();

        var pages = new ArrayList<Map<String, Object>>();
        var page = read(instructor, "/api/students/feed?limit=2");
        pages.add(page);
        while (page.get("next") != null) {
            page = read(instructor, "/api/students/feed?limit=2&after=" + page.get("next"));
            pages.add(page);
        }
        var items = pages.stream().flatMap(p -> ((List<?>) p.get("items")).stream()).map(Map.class::cast).toList();
        assertThat(pages).hasSize(3);
        assertThat(items).extracting(item -> item.get("id")).containsExactlyElementsOf(posted.reversed());
        assertThat(items).extracting(item -> item.get("body")).containsExactly("post 5", "post 4", "post 3", "post 2", "post 1");
        assertThat(items).allSatisfy(item -> assertThat(item).containsEntry("authorProfileId", followed.toString()));
        assertThat(items).extracting(item -> item.get("likeCount")).containsExactly(2, 1, 0, 0, 0);
        assertThat(items).extracting(item -> item.get("likedByMe")).containsExactly(true, false, false, false, false);

        instructor.delete().uri("/api/students/profiles/{id}/follow", followed).exchange().expectStatus().isNoContent();
        assertThat((List<?>) read(instructor, "/api/students/feed").get("items")).isEmpty();
    }

    @Test
    void another_institutions_profiles_and_posts_are_not_found_and_not_listed() {
        var mine = profile(student, "Here");
        var elsewhere = world.institution();
        var theirs = profile(elsewhere.student().client(), "There");
        var theirPost = post(elsewhere.student().client(), "/api/students/posts", Map.of("body", "Over there"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        Problem.expect(student.get().uri("/api/students/profiles/{id}", theirs).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(student.put().uri("/api/students/profiles/{id}/follow", theirs).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(student.get().uri("/api/students/posts/{id}", theirPost).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        assertThat(read(student, "/api/students/profiles?limit=100").toString()).contains(mine.toString())
                .doesNotContain(theirs.toString());
    }

    private UUID profile(RestTestClient client, String headline) {
        return UUID.fromString(String.valueOf(post(client, "/api/students/profiles", Map.of("headline", headline))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    private UUID profile(RestTestClient client) {
        return UUID.fromString(String.valueOf(read(client, "/api/students/profiles/me").get("id")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> like(RestTestClient client, Object post) {
        return (Map<String, Object>) client.put().uri("/api/students/posts/{id}/like", post).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
