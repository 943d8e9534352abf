package io.edumatrix.community;

import static io.edumatrix.community.CommunityHttpApiTests.post;
import static io.edumatrix.community.CommunityHttpApiTests.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two application instances over the same database: this test's, and a second one started here. A message posted on
 * the first reaches a stream open on the second within a second (PostgreSQL NOTIFY, each instance listening on a
 * connection of its own), and the second's idle streams get heartbeats.
 */
@HttpApplicationTest
@IntegrationTest
class MessageStreamAcrossInstancesTests {

    private static ConfigurableApplicationContext secondInstance;
    private static String secondUrl;

    @Autowired
    private RestTestClient anonymous;

    @BeforeAll
    static void startASecondInstance() {
        secondInstance = ApplicationLaunch.onTestDatabase().overHttp()
                .with("edumatrix.community.streams.heartbeat", "200ms").start();
        secondUrl = ApplicationLaunch.baseUrl(secondInstance);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void a_message_posted_on_one_instance_reaches_a_stream_on_the_other_within_a_second() throws Exception {
        var school = new World(anonymous).institution();
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        school.instructor().client().put().uri("/api/community/rooms/{id}/membership", lobby).exchange()
                .expectStatus().isNoContent();

        try (var stream = EventStream.open(secondUrl + "/api/community/rooms/" + lobby + "/stream",
                school.instructor().accessToken(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextComment(Duration.ofSeconds(1))).as("the greeting").isEqualTo("connected");
            assertThat(stream.nextComment(Duration.ofSeconds(2))).as("a heartbeat").isEqualTo("heartbeat");
            var posted = post(school.student().client(), lobby, "From instance one", List.of()).expectStatus()
                    .isCreated().expectBody(Map.class).returnResult().getResponseBody();

            var event = stream.next(Duration.ofSeconds(1));
            assertThat(event).as("an event within a second").isNotNull();
            assertThat(event.id()).isEqualTo(posted.get("id"));
            assertThat(event.data()).containsEntry("body", "From instance one")
                    .containsEntry("authorAccountId", school.student().accountId().toString());
        }
    }

    /** A client that goes away is noticed at the next heartbeat, and its stream no longer counts against its five. */
    @Test
    void streams_whose_clients_went_away_are_removed_so_the_account_may_open_new_ones() throws Exception {
        var school = new World(anonymous).institution();
        var lobby = room(school.student().client(), "Lobby", "PUBLIC");
        var url = secondUrl + "/api/community/rooms/" + lobby + "/stream";
        var token = school.student().accessToken();
        for (var i = 0; i < 5; i++) {
            EventStream.open(url, token, null).close();
        }

        var deadline = java.time.Instant.now().plusSeconds(5);
        while (true) {
            try (var stream = EventStream.open(url, token, null)) {
                if (stream.status() == 200) {
                    break;
                }
                assertThat(stream.status()).isEqualTo(429);
                assertThat(java.time.Instant.now()).as("the gone clients' streams removed").isBefore(deadline);
            }
            Thread.sleep(100);
        }
    }
}
