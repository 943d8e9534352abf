package io.edumatrix.freelancing;

import static io.edumatrix.freelancing.FreelancingRequests.accept;
import static io.edumatrix.freelancing.FreelancingRequests.eur;
import static io.edumatrix.freelancing.FreelancingRequests.gig;
import static io.edumatrix.freelancing.FreelancingRequests.propose;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The two limits of freelancing work over HTTP against the database: a gig's deadline for proposals, and a contract's
 * price for its milestones.
 */
@IntegrationTest
@HttpApplicationTest
class GigDeadlineTests {

    @Autowired
    private RestTestClient anonymous;

    private RestTestClient client;
    private RestTestClient freelancer;

    @BeforeEach
    void anInstitutionWithAClientAndAFreelancer() {
        var school = new World(anonymous).institution();
        client = school.student().client();
        freelancer = school.instructor().client();
    }

    @Test
    void a_gig_takes_no_proposal_after_its_deadline_and_the_problem_names_the_deadline() throws Exception {
        var gig = gig(client, "Poster for the spring fair");
        var deadline = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        moveDeadline(gig, deadline);

        var problem = post(freelancer, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(20_000), "message", "Too late?"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(Map.class).returnResult()
                .getResponseBody();

        assertThat(problem).containsEntry("type", "https://edumatrix.io/problems/gig-deadline-passed")
                .containsEntry("deadline", deadline.toString());
        assertThat((String) problem.get("detail")).contains(deadline.toString());
    }

    @Test
    void a_contracts_milestones_cost_no_more_than_its_price() {
        var contract = accept(client, propose(freelancer, gig(client, "Website"), 40_000, "For 400"));
        var path = "/api/freelancing/contracts/" + contract + "/milestones";

        created(post(client, path, milestone(30_000)));
        Problem.expect(post(client, path, milestone(10_001)), HttpStatus.UNPROCESSABLE_CONTENT,
                "milestones-exceed-price");
        created(post(client, path, milestone(10_000)));
        Problem.expect(post(client, path, milestone(1)), HttpStatus.UNPROCESSABLE_CONTENT, "milestones-exceed-price");
    }

    private static Map<String, Object> milestone(int amountMinor) {
        return Map.of("title", "Part", "amount", eur(amountMinor), "dueDate", "2030-01-15");
    }

    /** The API refuses a deadline in the past, so time passes here by moving the deadline back. */
    private static void moveDeadline(UUID gig, Instant deadline) throws Exception {
        try (var admin = TestDatabase.get().connectAsAdmin();
                var update = admin.prepareStatement("UPDATE freelancing.gig SET deadline = ? WHERE id = ?")) {
            update.setObject(1, deadline.atOffset(ZoneOffset.UTC));
            update.setObject(2, gig);
            assertThat(update.executeUpdate()).isOne();
        }
    }
}
