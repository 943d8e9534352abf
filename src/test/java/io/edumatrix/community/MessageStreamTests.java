package io.edumatrix.community;

import static io.edumatrix.community.CommunityHttpApiTests.post;
import static io.edumatrix.community.CommunityHttpApiTests.room;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The live stream of a room's messages, read as a client reads it ({@link java.net.http.HttpClient}): a message posted
 * over HTTP arrives within a second as an event carrying its id and its JSON, a reconnecting client gets what it missed
 * first, and only the room's members of its institution may open it.
 */
@HttpApplicationTest
@IntegrationTest
class MessageStreamTests {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @Autowired
    private RestTestClient anonymous;
    @LocalServerPort
    private int port;

    private World world;
    private World.Institution school;

    @BeforeEach
    void anInstitution() {
        world = new World(anonymous);
        school = world.institution();
    }

    @Test
    void a_member_connected_receives_a_message_posted_over_http_within_a_second_as_an_event_with_its_id_and_json()
            throws Exception {
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        join(school.instructor().client(), lobby);

        try (var stream = open(lobby, school.instructor(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            var posted = post(school.student().client(), lobby, "Live!", List.of(school.instructor().accountId()))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

            var event = stream.next(WITHIN_A_SECOND);
            assertThat(event).as("an event within a second").isNotNull();
            assertThat(event.id()).isEqualTo(posted.get("id"));
            var listed = ((List<?>) read(school.instructor().client(), "/api/community/rooms/" + lobby + "/messages")
                    .get("items")).getFirst();
            assertThat(event.data()).isEqualTo(listed).containsEntry("body", "Live!");
        }
    }

    @Test
    void a_client_reconnecting_with_last_event_id_or_after_gets_the_missed_messages_oldest_first_then_live_ones()
            throws Exception {
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        var seen = id(post(school.student().client(), lobby, "seen", List.of()));
        var missed = new ArrayList<String>();
        for (var i = 1; i <= 3; i++) {
            missed.add(id(post(school.student().client(), lobby, "missed " + i, List.of())));
        }

        try (var stream = open(lobby, school.student(), seen)) {
            for (var expected : missed) {
                assertThat(stream.next(WITHIN_A_SECOND)).extracting(EventStream.Event::id).isEqualTo(expected);
            }
            var live = id(post(school.student().client(), lobby, "live", List.of()));
            assertThat(stream.next(WITHIN_A_SECOND)).extracting(EventStream.Event::id).isEqualTo(live);
            assertThat(stream.next(Duration.ofMillis(200))).as("nothing twice").isNull();
        }
        try (var stream = EventStream.open(url(lobby) + "?after=" + missed.get(1), school.student().accessToken(),
                null)) {
            assertThat(stream.next(WITHIN_A_SECOND)).extracting(EventStream.Event::id).isEqualTo(missed.get(2));
        }
    }

    @Test
    void another_institutions_member_and_a_non_member_of_a_private_room_get_404_and_no_token_a_401() throws Exception {
        var secret = room(school.student().client(), "Study group", "PRIVATE");
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        var elsewhere = world.institution();

        try (var stream = open(secret, school.instructor(), null)) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.body()).contains("not-found");
        }
        try (var stream = open(secret, elsewhere.student(), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
        try (var stream = open(lobby, elsewhere.student(), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
        try (var stream = open(lobby, school.instructor(), null)) {
            assertThat(stream.status()).isEqualTo(403);
            assertThat(stream.body()).contains("not-a-room-member");
        }
        try (var stream = EventStream.open(url(lobby), null, null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
        try (var stream = EventStream.open(url(lobby), "garbage", null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }

    @Test
    void a_member_who_leaves_stops_receiving_and_an_account_holds_at_most_five_streams() throws Exception {
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        join(school.instructor().client(), lobby);
        var streams = new ArrayList<EventStream>();
        try {
            for (var i = 0; i < 5; i++) {
                streams.add(open(lobby, school.instructor(), null));
            }
            assertThat(streams).allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));
            try (var sixth = open(lobby, school.instructor(), null)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.body()).contains("too-many-streams");
            }

            school.instructor().client().delete().uri("/api/community/rooms/{id}/membership", lobby).exchange()
                    .expectStatus().isNoContent();
            for (var stream : streams) {
                assertThat(stream.endsWithin(Duration.ofSeconds(2))).as("the leaver's stream ends").isTrue();
            }
            post(school.student().client(), lobby, "After you left", List.of()).expectStatus().isCreated();
            for (var stream : streams) {
                assertThat(stream.next(Duration.ofMillis(300))).isNull();
            }
        } finally {
            for (var stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void a_message_stored_while_the_notification_listener_reconnects_still_reaches_the_stream() throws Exception {
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        try (var stream = open(lobby, school.student(), null)) {
            var first = id(post(school.student().client(), lobby, "before", List.of()));
            assertThat(stream.next(WITHIN_A_SECOND)).extracting(EventStream.Event::id).isEqualTo(first);

            try (var admin = TestDatabase.get().connectAsAdmin(); var kill = admin.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'community-notices' AND datname = current_database()");
            }
            var missed = id(post(school.student().client(), lobby, "while reconnecting", List.of()));

            assertThat(stream.next(Duration.ofSeconds(5))).as("caught up after the reconnect")
                    .extracting(EventStream.Event::id).isEqualTo(missed);
            var live = id(post(school.student().client(), lobby, "after", List.of()));
            assertThat(stream.next(Duration.ofSeconds(2))).extracting(EventStream.Event::id).isEqualTo(live);
        }
    }

    private EventStream open(UUID room, World.Person reader, String lastEventId) throws Exception {
        return EventStream.open(url(room), reader.accessToken(), lastEventId);
    }

    private String url(UUID room) {
        return "http://127.0.0.1:" + port + "/api/community/rooms/" + room + "/stream";
    }

    private static void join(RestTestClient client, UUID room) {
        client.put().uri("/api/community/rooms/{id}/membership", room).exchange().expectStatus().isNoContent();
    }

    private static String id(RestTestClient.ResponseSpec posted) {
        return String.valueOf(posted.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id"));
    }
}
