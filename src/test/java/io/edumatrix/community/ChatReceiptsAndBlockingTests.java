package io.edumatrix.community;

import static io.edumatrix.community.CommunityHttpApiTests.post;
import static io.edumatrix.community.CommunityHttpApiTests.room;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.EventDeliveries;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Read receipts (a read position per member and room, unread counts, who has read a message) and blocking (the blocked
 * one's messages hidden from the blocker in lists and live streams, their mentions of the blocker notifying nothing,
 * and nothing changed for the blocked one), over HTTP as clients use them.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class ChatReceiptsAndBlockingTests {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @Autowired
    private RestTestClient anonymous;
    @LocalServerPort
    private int port;

    private World.Institution school;
    private UUID lobby;

    @BeforeEach
    void aRoomOfThree() {
        school = new World(anonymous).institution();
        lobby = room(school.instructor().client(), "Lobby", "PUBLIC");
        join(school.student(), lobby);
        join(school.admin(), lobby);
    }

    @Test
    void read_positions_give_each_member_their_unread_count_and_each_message_its_readers() {
        var first = message(school.instructor(), "one");
        var second = message(school.instructor(), "two");
        var third = message(school.instructor(), "three");
        var elsewhere = room(school.admin().client(), "Elsewhere", "PUBLIC");

        assertThat(unread(school.student(), lobby)).isEqualTo(3);
        assertThat(unread(school.instructor(), lobby)).as("one's own messages are read").isEqualTo(0);
        assertThat(unread(school.student(), elsewhere)).as("a room one is not a member of").isNull();

        markRead(school.student(), lobby, second).isNoContent();
        markRead(school.admin(), lobby, third).isNoContent();
        markRead(school.student(), lobby, first).isNoContent();

        assertThat(unread(school.student(), lobby)).as("a position never moves back").isEqualTo(1);
        assertThat(unread(school.admin(), lobby)).isEqualTo(0);
        assertThat(readers(school.instructor(), lobby, first)).containsExactly(
                school.student().accountId().toString(), school.admin().accountId().toString());
        assertThat(readers(school.instructor(), lobby, third)).containsExactly(school.admin().accountId().toString());
        assertThat(read(school.student().client(), "/api/community/rooms/{id}", lobby))
                .containsEntry("unreadCount", 1);
    }

    @Test
    void a_read_position_or_readers_of_what_is_not_there_is_a_problem_never_a_server_error() {
        var message = message(school.instructor(), "here");
        var other = room(school.admin().client(), "Other", "PUBLIC");
        var privateRoom = room(school.admin().client(), "Private", "PRIVATE");

        markRead(school.student(), other, message).isForbidden();
        join(school.student(), other);
        markRead(school.student(), other, message).isNotFound();
        markRead(school.student(), privateRoom, message).isNotFound();
        markRead(school.student(), UUID.randomUUID(), message).isNotFound();
        markRead(school.student(), lobby, UUID.randomUUID()).isNotFound();
        Api.json(school.student().client().put().uri("/api/community/rooms/{id}/read-position", lobby), Map.of())
                .exchange().expectStatus().isBadRequest();
        Api.json(school.student().client().put().uri("/api/community/rooms/{id}/read-position", lobby),
                Map.of("messageId", "not-a-uuid")).exchange().expectStatus().isBadRequest();
        school.student().client().get().uri("/api/community/rooms/{id}/messages/{m}/readers", lobby, UUID.randomUUID())
                .exchange().expectStatus().isNotFound();
        school.student().client().put().uri("/api/community/blocks/{id}", school.student().accountId()).exchange()
                .expectStatus().isEqualTo(422);
        school.student().client().put().uri("/api/community/blocks/not-a-uuid").exchange().expectStatus()
                .isBadRequest();
        assertThat(Outboxes.count("SELECT 1 FROM community.read_position WHERE account_id = ?",
                school.student().accountId())).isEqualTo(0);
    }

    @Test
    void the_blocked_ones_messages_are_hidden_from_the_blocker_only_in_lists_counts_and_live_streams()
            throws Exception {
        block(school.student(), school.instructor());
        var hidden = message(school.instructor(), "hidden from the student");

        assertThat(bodies(school.student())).doesNotContain("hidden from the student");
        assertThat(bodies(school.admin())).contains("hidden from the student");
        assertThat(bodies(school.instructor())).as("the blocked one sees nothing changed")
                .contains("hidden from the student");
        assertThat(unread(school.student(), lobby)).isEqualTo(0);
        assertThat(read(school.student().client(), "/api/community/blocks")).containsEntry("accountIds",
                List.of(school.instructor().accountId().toString()));
        school.student().client().get().uri("/api/community/rooms/{id}/messages/{m}/readers", lobby, hidden)
                .exchange().expectStatus().isNotFound();

        try (var stream = EventStream.open(streamUrl(lobby), school.student().accessToken(), null)) {
            message(school.instructor(), "live and hidden");
            var visible = message(school.admin(), "live and visible");
            var event = stream.next(WITHIN_A_SECOND);
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(visible.toString());
            assertThat(stream.next(Duration.ofMillis(300))).isNull();
        }

        school.student().client().delete().uri("/api/community/blocks/{id}", school.instructor().accountId())
                .exchange().expectStatus().isNoContent();
        assertThat(bodies(school.student())).contains("hidden from the student", "live and hidden");
    }

    @Test
    void a_mention_of_the_blocker_by_the_blocked_notifies_nothing_and_the_message_still_shows_it(Scenario scenario) {
        block(school.student(), school.instructor());
        var mentions = List.of(school.student().accountId(), school.admin().accountId());

        EventDeliveries.awaitDelivered(scenario, MessagePosted.class, school.id(),
                () -> post(school.instructor().client(), lobby, "Hello both", mentions).expectStatus().isCreated());

        var published = Outboxes.publicationsOf(MessagePosted.class, school.id()).getFirst().serializedEvent();
        assertThat(published).contains(school.admin().accountId().toString())
                .doesNotContain(school.student().accountId().toString());
        assertThat(mentionNotifications(school.student())).isEmpty();
        assertThat(mentionNotifications(school.admin())).hasSize(1);
        var asWritten = Api.items(read(school.instructor().client(), "/api/community/rooms/{id}/messages", lobby));
        assertThat(asWritten.getFirst().get("mentions")).isEqualTo(mentions.stream().map(UUID::toString).toList());
    }

    @Test
    void erasure_removes_the_persons_read_positions_the_blocks_they_made_and_the_blocks_of_them() {
        var message = message(school.instructor(), "read me");
        markRead(school.student(), lobby, message).isNoContent();
        block(school.student(), school.admin());
        block(school.instructor(), school.student());
        var student = school.student().accountId();

        Erasures.erase(new World(anonymous).platformAdmin().client(), student);

        assertThat(Outboxes.count("SELECT 1 FROM community.read_position WHERE account_id = ?", student)).isEqualTo(0);
        assertThat(Outboxes.count("SELECT 1 FROM community.account_block WHERE blocker_account_id = ?"
                + " OR blocked_account_id = ?", student, student)).isEqualTo(0);
        assertThat(readers(school.instructor(), lobby, message)).isEmpty();
    }

    private UUID message(Person author, String body) {
        return Api.id(Api.created(post(author.client(), lobby, body, List.of())));
    }

    private static void join(Person person, UUID room) {
        person.client().put().uri("/api/community/rooms/{id}/membership", room).exchange().expectStatus()
                .isNoContent();
    }

    private static void block(Person blocker, Person blocked) {
        blocker.client().put().uri("/api/community/blocks/{id}", blocked.accountId()).exchange().expectStatus()
                .isNoContent();
    }

    private static org.springframework.test.web.servlet.client.StatusAssertions markRead(Person reader, UUID room,
            UUID message) {
        return reader.client().put().uri("/api/community/rooms/{id}/read-position", room)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageId", message)).exchange().expectStatus();
    }

    private static Object unread(Person reader, UUID room) {
        return Api.items(read(reader.client(), "/api/community/rooms?limit=100")).stream()
                .filter(r -> r.get("id").equals(room.toString())).findFirst().orElseThrow().get("unreadCount");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> readers(Person reader, UUID room, UUID message) {
        var readers = reader.client().get().uri("/api/community/rooms/{id}/messages/{m}/readers", room, message)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) readers).stream().map(r -> r.get("accountId")).toList();
    }

    private List<Object> bodies(Person reader) {
        return Api.values(read(reader.client(), "/api/community/rooms/" + lobby + "/messages?limit=100"), "body");
    }

    private static List<Map<String, Object>> mentionNotifications(Person person) {
        return Api.items(read(person.client(), "/api/notifications?limit=100")).stream()
                .filter(n -> "MENTION".equals(n.get("category"))).toList();
    }

    private String streamUrl(UUID room) {
        return "http://127.0.0.1:" + port + "/api/community/rooms/" + room + "/stream";
    }
}
