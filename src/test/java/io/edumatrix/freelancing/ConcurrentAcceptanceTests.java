package io.edumatrix.freelancing;

import static io.edumatrix.freelancing.FreelancingRequests.gig;
import static io.edumatrix.freelancing.FreelancingRequests.propose;
import static io.edumatrix.freelancing.FreelancingRequests.status;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two accepts of two proposals on one gig, sent at the same moment from two threads: exactly one wins and opens the
 * one contract, the other is a 409, and nothing of the loser's transaction remains. Repeated, so that the two really
 * overlap in the database at least sometimes (the conditional UPDATE of the gig decides, whichever comes first).
 */
@HttpApplicationTest
@IntegrationTest
class ConcurrentAcceptanceTests {

    private static final int ROUNDS = 8;

    @Autowired
    private RestTestClient anonymous;

    @Test
    void of_two_concurrent_accepts_on_one_gig_exactly_one_wins_and_the_other_is_a_409() throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var client = school.student().client();
        var first = school.instructor().client();
        var second = world.member(school.admin(), school.id(), "STUDENT").client();

        try (var threads = Executors.newFixedThreadPool(2)) {
            for (var round = 0; round < ROUNDS; round++) {
                var gig = gig(client, "Contested " + round);
                var proposals = List.of(propose(first, gig, 1_000, "First"), propose(second, gig, 2_000, "Second"));
                var barrier = new CyclicBarrier(2);
                var answers = new ArrayList<Future<Integer>>();
                for (var proposal : proposals) {
                    answers.add(threads.submit(() -> {
                        barrier.await();
                        return accept(client, proposal);
                    }));
                }
                var statuses = new ArrayList<Integer>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }

                assertThat(statuses).as("answers of round %d", round).containsExactlyInAnyOrder(200, 409);
                assertThat(read(client, "/api/freelancing/gigs/" + gig)).containsEntry("status", "AWARDED");
                assertThat(count("SELECT count(*) FROM freelancing.contract WHERE gig_id = ?", gig)).isEqualTo(1);
                assertThat(count("SELECT count(*) FROM freelancing.proposal WHERE gig_id = ? AND status = 'ACCEPTED'",
                        gig)).isEqualTo(1);
                assertThat(count("SELECT count(*) FROM freelancing.proposal WHERE gig_id = ? AND status = 'REJECTED'",
                        gig)).isEqualTo(1);
            }
        }
    }

    private static int accept(RestTestClient client, UUID proposal) {
        return status(client, "proposals", proposal, "ACCEPTED").expectBody(String.class).returnResult().getStatus()
                .value();
    }
}
