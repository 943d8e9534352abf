package io.edumatrix.freelancing;

import static io.edumatrix.freelancing.FreelancingRequests.accept;
import static io.edumatrix.freelancing.FreelancingRequests.eur;
import static io.edumatrix.freelancing.FreelancingRequests.gig;
import static io.edumatrix.freelancing.FreelancingRequests.propose;
import static io.edumatrix.freelancing.FreelancingRequests.status;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Erasures.awaitCompleted;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Erasing a member who was a client and a freelancer (FreelancingPersonalData): their gigs and proposals go, with the
 * proposals others sent on their gigs; their contract stays for the other party, its money facts intact and their side
 * null; their key of the module is forgotten.
 */
@HttpApplicationTest
@IntegrationTest
class FreelancingErasureTests {

    @Autowired
    private RestTestClient anonymous;

    @Test
    void an_erased_members_gigs_and_proposals_are_gone_and_their_contract_stays_for_the_other_party()
            throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var leaving = world.member(school.admin(), school.id(), "STUDENT");
        var leaver = leaving.client();
        var freelancer = school.instructor().client();
        var other = school.student().client();

        var openGig = gig(leaver, "Open gig of the leaver");
        var othersProposal = propose(other, openGig, 1_000, "On the leaver's gig");
        var awardedGig = gig(leaver, "Awarded gig of the leaver");
        var contract = accept(leaver, propose(freelancer, awardedGig, 30_000, "Freelancer's offer"));
        created(post(leaver, "/api/freelancing/contracts/" + contract + "/milestones",
                Map.of("title", "Draft", "amount", eur(10_000), "dueDate", "2030-01-01")));
        var freelancersGig = gig(freelancer, "Gig of the freelancer");
        propose(leaver, freelancersGig, 2_000, "Leaver's offer");

        var admin = world.platformAdmin().client();
        var request = (String) admin.post().uri("/api/accounts/{id}/erasure", leaving.accountId()).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        awaitCompleted(admin, request);

        Problem.expect(freelancer.get().uri("/api/freelancing/gigs/{id}", openGig).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(freelancer.get().uri("/api/freelancing/gigs/{id}", awardedGig).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(other.get().uri("/api/freelancing/proposals/{id}", othersProposal).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        assertThat(items(read(freelancer, "/api/freelancing/gigs/" + freelancersGig + "/proposals"))).isEmpty();

        var kept = read(freelancer, "/api/freelancing/contracts/" + contract);
        assertThat(kept).containsEntry("status", "ACTIVE").containsEntry("price", eur(30_000))
                .containsEntry("gigId", awardedGig.toString())
                .containsEntry("freelancerAccountId", school.instructor().accountId().toString());
        assertThat(kept.get("clientAccountId")).isNull();
        assertThat((java.util.List<?>) kept.get("milestones")).hasSize(1);
        assertThat(ok(status(freelancer, "contracts", contract, "CANCELLED"))).containsEntry("status", "CANCELLED");

        assertThat(count("SELECT count(*) FROM freelancing.gig WHERE client_account_id = ?", leaving.accountId()))
                .isZero();
        assertThat(count("SELECT count(*) FROM freelancing.proposal WHERE freelancer_account_id = ?",
                leaving.accountId())).isZero();
        assertThat(count("SELECT count(*) FROM freelancing.contract_party WHERE account_id = ?", leaving.accountId()))
                .isZero();
        assertThat(count("SELECT count(*) FROM freelancing.person_key WHERE subject_id = ?", leaving.accountId()))
                .as("the leaver's key of the module").isZero();
        assertThat(count("SELECT count(*) FROM freelancing.audit_log WHERE table_name = 'gig' AND row_id = ?::text",
                openGig)).as("the trail of the leaver's gig, its text unreadable without the key").isPositive();
    }
}
