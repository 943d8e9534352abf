package io.edumatrix.community;

import static io.edumatrix.platform.testing.Api.ids;
import static io.edumatrix.platform.testing.Api.patch;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Community rooms over real HTTP against the running application and its database: public and private rooms, joining,
 * leaving and adding members, and messages with mentions, edits and deletes, as an institution's members use them.
 */
@HttpApplicationTest
@IntegrationTest
class CommunityHttpApiTests {

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
    void a_public_room_is_listed_for_every_member_and_joined_once_and_a_private_one_only_for_its_members() {
        var lobby = room(student, "Lobby", "PUBLIC");
        var secret = room(student, "Study group", "PRIVATE");
        var created = read(student, "/api/community/rooms/" + lobby);
        assertThat(created).containsEntry("name", "Lobby").containsEntry("visibility", "PUBLIC")
                .containsEntry("institutionId", school.id().toString());

        assertThat(ids(read(instructor, "/api/community/rooms?limit=100"))).contains(lobby.toString())
                .doesNotContain(secret.toString());
        assertThat(ids(read(student, "/api/community/rooms?limit=100"))).contains(lobby.toString(), secret.toString());
        Problem.expect(instructor.get().uri("/api/community/rooms/{id}", secret).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(instructor.put().uri("/api/community/rooms/{id}/membership", secret).exchange(),
                HttpStatus.NOT_FOUND, "not-found");

        instructor.put().uri("/api/community/rooms/{id}/membership", lobby).exchange().expectStatus().isNoContent();
        instructor.put().uri("/api/community/rooms/{id}/membership", lobby).exchange().expectStatus().isNoContent();
        post(instructor, lobby, "Hello lobby", List.of()).expectStatus().isCreated();
        instructor.delete().uri("/api/community/rooms/{id}/membership", lobby).exchange().expectStatus().isNoContent();
        Problem.expect(post(instructor, lobby, "Still here?", List.of()), HttpStatus.FORBIDDEN, "not-a-room-member");
        Problem.expect(student.delete().uri("/api/community/rooms/{id}/membership", lobby).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "owner-cannot-leave");
    }

    @Test
    void the_owner_adds_members_of_the_institution_to_a_private_room_and_nobody_else_does() {
        var secret = room(student, "Study group", "PRIVATE");
        var other = world.member(school.admin(), school.id(), "STUDENT");
        var elsewhere = world.institution();

        Problem.expect(student.put().uri("/api/community/rooms/{id}/members/{account}", secret,
                elsewhere.student().accountId()).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "not-an-institution-member");
        student.put().uri("/api/community/rooms/{id}/members/{account}", secret, school.instructor().accountId())
                .exchange().expectStatus().isNoContent();
        student.put().uri("/api/community/rooms/{id}/members/{account}", secret, school.instructor().accountId())
                .exchange().expectStatus().isNoContent();
        assertThat(read(instructor, "/api/community/rooms/" + secret)).containsEntry("visibility", "PRIVATE");
        Problem.expect(instructor.put().uri("/api/community/rooms/{id}/members/{account}", secret, other.accountId())
                .exchange(), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(other.client().put().uri("/api/community/rooms/{id}/membership", secret).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        instructor.put().uri("/api/community/rooms/{id}/membership", secret).exchange().expectStatus().isNoContent();
    }

    @Test
    void messages_are_listed_newest_first_in_keyset_pages_with_their_mentions_and_stored_sealed() throws Exception {
        var lobby = room(student, "Lobby", "PUBLIC");
        instructor.put().uri("/api/community/rooms/{id}/membership", lobby).exchange().expectStatus().isNoContent();
        var posted = new ArrayList<String>();
        for (var i = 1; i <= 5; i++) {
            posted.add(String.valueOf(post(i % 2 == 0 ? student : instructor, lobby, "message " + i,
                    i == 3 ? List.of(school.student().accountId()) : List.of())
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        }

        var first = read(student, "/api/community/rooms/" + lobby + "/messages?limit=2");
        var second = read(student, "/api/community/rooms/" + lobby + "/messages?limit=2&before=" + first.get("next"));
        var third = read(student, "/api/community/rooms/" + lobby + "/messages?limit=2&before=" + second.get("next"));
        assertThat(values(first, "body")).containsExactly("message 5", "message 4");
        assertThat(values(second, "body")).containsExactly("message 3", "message 2");
        assertThat(values(third, "body")).containsExactly("message 1");
        assertThat(third.get("next")).isNull();
        assertThat(((List<?>) second.get("items")).getFirst()).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("mentions",
                List.of(school.student().accountId().toString()))
                .containsEntry("authorAccountId", school.instructor().accountId().toString());

        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT body FROM community.message WHERE id = ?::uuid")) {
            query.setString(1, posted.getFirst());
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("message");
            }
        }
    }

    @Test
    void a_mention_of_someone_not_in_the_room_is_a_422_naming_them_and_only_members_post_and_read() {
        var lobby = room(student, "Lobby", "PUBLIC");
        var stranger = school.instructor().accountId();
        var answer = post(student, lobby, "Hi @someone", List.of(stranger)).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsEntry("type", "https://edumatrix.io/problems/mentions-not-members")
                .containsEntry("accountIds", List.of(stranger.toString()));
        Problem.expect(post(instructor, lobby, "Not a member", List.of()), HttpStatus.FORBIDDEN, "not-a-room-member");
        Problem.expect(instructor.get().uri("/api/community/rooms/{id}/messages", lobby).exchange(),
                HttpStatus.FORBIDDEN, "not-a-room-member");
        assertThat((List<?>) read(student, "/api/community/rooms/" + lobby + "/messages").get("items")).isEmpty();
    }

    @Test
    void a_message_is_edited_with_its_version_and_deleted_by_its_author_only_and_then_disappears() {
        var lobby = room(student, "Lobby", "PUBLIC");
        instructor.put().uri("/api/community/rooms/{id}/membership", lobby).exchange().expectStatus().isNoContent();
        var message = post(student, lobby, "First draft", List.of()).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody();
        var uri = "/api/community/rooms/" + lobby + "/messages/" + message.get("id");
        var version = ((Number) message.get("version")).longValue();

        Problem.expect(patch(instructor, uri, Map.of("version", version, "body", "Mine")), HttpStatus.FORBIDDEN,
                "forbidden");
        Problem.expect(instructor.delete().uri(uri).exchange(), HttpStatus.FORBIDDEN, "forbidden");
        var edited = patch(student, uri, Map.of("version", version, "body", "Second draft")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(edited).containsEntry("body", "Second draft").containsEntry("version", (int) version + 1);
        Problem.expect(patch(student, uri, Map.of("version", version, "body", "Stale")), HttpStatus.CONFLICT,
                "concurrent-update");

        student.delete().uri(uri).exchange().expectStatus().isNoContent();
        assertThat((List<?>) read(instructor, "/api/community/rooms/" + lobby + "/messages").get("items")).isEmpty();
        Problem.expect(student.delete().uri(uri).exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void bad_rooms_and_messages_are_400_invalid_request_problems() {
        Problem.expect(create(student, Map.of("name", " ", "visibility", "PUBLIC")), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(create(student, Map.of("name", "Room")), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(create(student, Map.of("name", "Room", "visibility", "SECRET")), HttpStatus.BAD_REQUEST,
                "invalid-request");
        var lobby = room(student, "Lobby", "PUBLIC");
        Problem.expect(post(student, lobby, "", List.of()), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(student.get().uri("/api/community/rooms/{id}/messages?limit=0", lobby).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(student.get().uri("/api/community/rooms/not-an-id").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
    }

    @Test
    void another_institutions_rooms_and_messages_are_not_found_and_not_listed() {
        var mine = room(student, "Mine", "PUBLIC");
        var elsewhere = world.institution();
        var theirs = room(elsewhere.student().client(), "Theirs", "PUBLIC");
        var theirMessage = post(elsewhere.student().client(), theirs, "Over there", List.of()).expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        Problem.expect(student.get().uri("/api/community/rooms/{id}", theirs).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(student.put().uri("/api/community/rooms/{id}/membership", theirs).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(post(student, theirs, "Hi", List.of()), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(student.delete().uri("/api/community/rooms/{id}/messages/{m}", theirs, theirMessage).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        assertThat(ids(read(student, "/api/community/rooms?limit=100"))).contains(mine.toString())
                .doesNotContain(theirs.toString());
    }

    static UUID room(RestTestClient client, String name, String visibility) {
        return UUID.fromString(String.valueOf(create(client, Map.of("name", name, "visibility", visibility))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    static RestTestClient.ResponseSpec create(RestTestClient client, Object body) {
        return client.post().uri("/api/community/rooms").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    static RestTestClient.ResponseSpec post(RestTestClient client, UUID room, String body, List<UUID> mentions) {
        return client.post().uri("/api/community/rooms/{id}/messages", room).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", body, "mentions", mentions)).exchange();
    }
}
