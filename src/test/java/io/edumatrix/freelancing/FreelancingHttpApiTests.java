package io.edumatrix.freelancing;

import static io.edumatrix.freelancing.FreelancingRequests.accept;
import static io.edumatrix.freelancing.FreelancingRequests.eur;
import static io.edumatrix.freelancing.FreelancingRequests.gig;
import static io.edumatrix.freelancing.FreelancingRequests.gigRequest;
import static io.edumatrix.freelancing.FreelancingRequests.propose;
import static io.edumatrix.freelancing.FreelancingRequests.status;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.items;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Freelancing over real HTTP against the running application and its database: a student posts gigs (the client),
 * the instructor and another student propose, the client awards one, and the two work through the contract. The
 * institution's admin is a member who is party to nothing.
 */
@HttpApplicationTest
@IntegrationTest
class FreelancingHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient client;
    private RestTestClient freelancer;
    private RestTestClient rival;
    private RestTestClient bystander;

    @BeforeEach
    void anInstitutionWithAClientTwoFreelancersAndABystander() {
        world = new World(anonymous);
        school = world.institution();
        client = school.student().client();
        freelancer = school.instructor().client();
        rival = world.member(school.admin(), school.id(), "STUDENT").client();
        bystander = school.admin().client();
    }

    @Test
    void a_gig_is_posted_open_read_back_listed_by_status_and_its_text_is_stored_sealed() throws Exception {
        var response = post(client, "/api/freelancing/gigs", gigRequest("Logo for the chess club"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        @SuppressWarnings("unchecked")
        Map<String, Object> gig = response.getResponseBody();
        var id = id(gig);

        assertThat(response.getResponseHeaders().getLocation()).hasToString("/api/freelancing/gigs/" + id);
        assertThat(gig).containsEntry("status", "OPEN").containsEntry("title", "Logo for the chess club")
                .containsEntry("description", "Description of Logo for the chess club")
                .containsEntry("budgetMin", eur(10_000)).containsEntry("budgetMax", eur(50_000))
                .containsEntry("clientAccountId", school.student().accountId().toString())
                .containsEntry("institutionId", school.id().toString());
        assertThat(read(bystander, "/api/freelancing/gigs/" + id)).isEqualTo(gig);

        var closed = gig(client, "Withdrawn soon");
        ok(status(client, "gigs", closed, "CLOSED"));
        assertThat(items(read(freelancer, "/api/freelancing/gigs?status=OPEN&limit=100"))).extracting(g -> g.get("id"))
                .containsExactly(id.toString());
        assertThat(items(read(freelancer, "/api/freelancing/gigs?status=CLOSED&limit=100")))
                .extracting(g -> g.get("id")).containsExactly(closed.toString());
        assertThat(items(read(freelancer, "/api/freelancing/gigs?limit=100"))).hasSize(2);

        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT title, description FROM freelancing.gig WHERE id = ?")) {
            query.setObject(1, id);
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("chess");
                assertThat(new String(row.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("chess");
            }
        }
    }

    @Test
    void gigs_are_listed_in_keyset_pages() {
        var posted = List.of(gig(client, "g1"), gig(client, "g2"), gig(client, "g3"));
        var first = read(freelancer, "/api/freelancing/gigs?limit=2");
        var second = read(freelancer, "/api/freelancing/gigs?limit=2&after=" + first.get("next"));
        assertThat(items(first)).extracting(g -> g.get("title")).containsExactly("g1", "g2");
        assertThat(items(second)).extracting(g -> g.get("id")).containsExactly(posted.get(2).toString());
        assertThat(second.get("next")).isNull();
    }

    @Test
    void a_bad_gig_is_a_400_naming_the_field() {
        assertRejected(with("budgetMax", Map.of("amountMinor", 50_000, "currency", "USD")), "budgetMax.currency");
        assertRejected(with("budgetMax", eur(5_000)), "budgetMax.amountMinor");
        assertRejected(with("budgetMin", Map.of("amountMinor", -1, "currency", "EUR")), "budgetMin.amountMinor");
        assertRejected(with("budgetMin", Map.of("amountMinor", 1, "currency", "EURO")), "budgetMin.currency");
        assertRejected(with("deadline", Instant.now().minusSeconds(60).toString()), "deadline");
        assertRejected(with("title", " "), "title");
        var withoutBudget = new HashMap<>(gigRequest("No budget"));
        withoutBudget.remove("budgetMax");
        assertRejected(withoutBudget, "budgetMax");
        // Money is whole minor units: a fraction is refused, not rounded away.
        Problem.expect(post(client, "/api/freelancing/gigs", with("budgetMin", Map.of("amountMinor", 5.5,
                "currency", "EUR"))), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(client.get().uri("/api/freelancing/gigs?status=PENDING").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(client.get().uri("/api/freelancing/gigs/not-an-id").exchange(), HttpStatus.BAD_REQUEST,
                "invalid-request");
        Problem.expect(client.get().uri("/api/freelancing/gigs/{id}", UUID.randomUUID()).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void proposals_are_one_per_member_on_open_gigs_in_the_gigs_currency_and_not_by_the_client() {
        var gig = gig(client, "Poster");
        var proposal = created(post(freelancer, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(20_000), "message", "I draw posters")));
        assertThat(proposal).containsEntry("status", "SUBMITTED").containsEntry("gigId", gig.toString())
                .containsEntry("price", eur(20_000)).containsEntry("message", "I draw posters")
                .containsEntry("freelancerAccountId", school.instructor().accountId().toString());
        assertThat(proposal.get("contractId")).isNull();

        Problem.expect(post(freelancer, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(19_000), "message", "Again")), HttpStatus.CONFLICT, "proposal-exists");
        Problem.expect(post(client, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(19_000), "message", "My own")), HttpStatus.FORBIDDEN, "forbidden");
        var usd = Problem.expect(post(rival, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", Map.of("amountMinor", 100, "currency", "USD"), "message", "Dollars")),
                HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(usd.rejectedFields()).containsExactly("price.currency");
        assertThat(Problem.expect(post(rival, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(1))), HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields())
                .containsExactly("message");

        ok(status(client, "gigs", gig, "CLOSED"));
        var closed = Problem.expect(post(rival, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(1), "message", "Late")), HttpStatus.UNPROCESSABLE_CONTENT, "gig-not-open");
        assertThat(closed.detail()).contains("CLOSED");
        assertThat(read(freelancer, "/api/freelancing/proposals/" + id(proposal))).containsEntry("status", "REJECTED");
    }

    @Test
    void the_client_sees_every_proposal_a_proposer_only_their_own_and_others_none() {
        var gig = gig(client, "Website");
        var mine = propose(freelancer, gig, 30_000, "Mine");
        var theirs = propose(rival, gig, 25_000, "Theirs");

        assertThat(items(read(client, "/api/freelancing/gigs/" + gig + "/proposals"))).extracting(p -> p.get("id"))
                .containsExactly(mine.toString(), theirs.toString());
        assertThat(items(read(freelancer, "/api/freelancing/gigs/" + gig + "/proposals")))
                .extracting(p -> p.get("message")).containsExactly("Mine");
        assertThat(items(read(bystander, "/api/freelancing/gigs/" + gig + "/proposals"))).isEmpty();
        var first = read(client, "/api/freelancing/gigs/" + gig + "/proposals?limit=1");
        assertThat(items(first)).extracting(p -> p.get("id")).containsExactly(mine.toString());
        var second = read(client, "/api/freelancing/gigs/" + gig + "/proposals?limit=1&after=" + first.get("next"));
        assertThat(second.get("next")).isNull();
        assertThat(items(second))
                .extracting(p -> p.get("id")).containsExactly(theirs.toString());

        assertThat(read(client, "/api/freelancing/proposals/" + theirs)).containsEntry("message", "Theirs");
        Problem.expect(freelancer.get().uri("/api/freelancing/proposals/{id}", theirs).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(status(bystander, "proposals", theirs, "REJECTED"), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void accepting_a_proposal_awards_the_gig_rejects_the_others_and_opens_a_contract_seen_by_its_parties_only() {
        var gig = gig(client, "Translation");
        var chosen = propose(freelancer, gig, 30_000, "Chosen");
        var other = propose(rival, gig, 25_000, "Other");

        Problem.expect(status(freelancer, "proposals", chosen, "ACCEPTED"), HttpStatus.FORBIDDEN, "forbidden");
        var accepted = ok(status(client, "proposals", chosen, "ACCEPTED"));
        assertThat(accepted).containsEntry("status", "ACCEPTED").containsEntry("id", chosen.toString());
        var contractId = (String) accepted.get("contractId");
        assertThat(contractId).isNotNull();
        assertThat(read(rival, "/api/freelancing/proposals/" + other)).containsEntry("status", "REJECTED");
        assertThat(read(client, "/api/freelancing/gigs/" + gig)).containsEntry("status", "AWARDED");
        assertThat(read(client, "/api/freelancing/proposals/" + chosen)).containsEntry("contractId", contractId);

        var contract = read(freelancer, "/api/freelancing/contracts/" + contractId);
        assertThat(contract).containsEntry("status", "ACTIVE").containsEntry("gigId", gig.toString())
                .containsEntry("proposalId", chosen.toString()).containsEntry("price", eur(30_000))
                .containsEntry("clientAccountId", school.student().accountId().toString())
                .containsEntry("freelancerAccountId", school.instructor().accountId().toString());
        assertThat(read(client, "/api/freelancing/contracts/" + contractId)).isEqualTo(contract);
        Problem.expect(bystander.get().uri("/api/freelancing/contracts/{id}", contractId).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(rival.get().uri("/api/freelancing/contracts/{id}", contractId).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        assertThat(items(read(freelancer, "/api/freelancing/contracts/mine"))).extracting(c -> c.get("id"))
                .containsExactly(contractId);
        assertThat(items(read(client, "/api/freelancing/contracts/mine"))).extracting(c -> c.get("id"))
                .containsExactly(contractId);
        assertThat(items(read(rival, "/api/freelancing/contracts/mine"))).isEmpty();

        var refused = Problem.expect(status(client, "proposals", other, "ACCEPTED"), HttpStatus.CONFLICT,
                "invalid-transition");
        assertThat(refused.detail()).contains("REJECTED");
        Problem.expect(status(freelancer, "proposals", chosen, "WITHDRAWN"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(post(rival, "/api/freelancing/gigs/" + gig + "/proposals", Map.of("price", eur(1),
                "message", "Too late")), HttpStatus.UNPROCESSABLE_CONTENT, "gig-not-open");
    }

    @Test
    void a_proposal_is_withdrawn_by_its_freelancer_rejected_by_the_client_and_a_stale_version_is_refused() {
        var gig = gig(client, "Photos");
        var withdrawn = propose(freelancer, gig, 10_000, "Maybe");
        var rejected = propose(rival, gig, 10_000, "Perhaps");

        Problem.expect(status(client, "proposals", withdrawn, "WITHDRAWN"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(post(freelancer, "/api/freelancing/proposals/" + withdrawn + "/status",
                Map.of("status", "WITHDRAWN", "version", 7)), HttpStatus.CONFLICT, "concurrent-update");
        var version = ((Number) read(freelancer, "/api/freelancing/proposals/" + withdrawn).get("version")).longValue();
        var done = ok(post(freelancer, "/api/freelancing/proposals/" + withdrawn + "/status",
                Map.of("status", "WITHDRAWN", "version", version)));
        assertThat(done).containsEntry("status", "WITHDRAWN");
        assertThat(((Number) done.get("version")).longValue()).isEqualTo(version + 1);
        Problem.expect(status(rival, "proposals", rejected, "REJECTED"), HttpStatus.FORBIDDEN, "forbidden");
        assertThat(ok(status(client, "proposals", rejected, "REJECTED"))).containsEntry("status", "REJECTED");
        var problem = Problem.expect(status(client, "proposals", rejected, "ACCEPTED"), HttpStatus.CONFLICT,
                "invalid-transition");
        assertThat(problem.detail()).contains("REJECTED");
        Problem.expect(status(client, "proposals", rejected, "SUBMITTED"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(post(client, "/api/freelancing/proposals/" + rejected + "/status", Map.of("status", "LOST")),
                HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void only_the_client_withdraws_an_open_gig_which_rejects_its_proposals_and_a_closed_gig_stays_closed() {
        var gig = gig(client, "Tutoring");
        var proposal = propose(freelancer, gig, 10_000, "Me");

        Problem.expect(status(freelancer, "gigs", gig, "CLOSED"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(status(client, "gigs", gig, "AWARDED"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(post(client, "/api/freelancing/gigs/" + gig + "/status", Map.of("status", "CLOSED",
                "version", 99)), HttpStatus.CONFLICT, "concurrent-update");
        assertThat(ok(status(client, "gigs", gig, "CLOSED"))).containsEntry("status", "CLOSED");
        assertThat(read(freelancer, "/api/freelancing/proposals/" + proposal)).containsEntry("status", "REJECTED");
        Problem.expect(status(client, "gigs", gig, "CLOSED"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(status(client, "gigs", gig, "OPEN"), HttpStatus.CONFLICT, "invalid-transition");

        var awarded = gig(client, "Awarded");
        accept(client, propose(freelancer, awarded, 10_000, "Me"));
        Problem.expect(status(client, "gigs", awarded, "CLOSED"), HttpStatus.CONFLICT, "invalid-transition");
    }

    @Test
    void a_contract_is_delivered_by_the_freelancer_sent_back_and_completed_by_the_client_which_closes_the_gig() {
        var gig = gig(client, "Essay editing");
        var contract = accept(client, propose(freelancer, gig, 40_000, "Editor"));
        var path = "/api/freelancing/contracts/" + contract;

        Problem.expect(status(client, "contracts", contract, "DELIVERED"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(status(bystander, "contracts", contract, "CANCELLED"), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(status(client, "contracts", contract, "COMPLETED"), HttpStatus.CONFLICT, "invalid-transition");
        assertThat(ok(status(freelancer, "contracts", contract, "DELIVERED"))).containsEntry("status", "DELIVERED");
        Problem.expect(status(freelancer, "contracts", contract, "COMPLETED"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(status(freelancer, "contracts", contract, "ACTIVE"), HttpStatus.FORBIDDEN, "forbidden");
        assertThat(ok(status(client, "contracts", contract, "ACTIVE"))).containsEntry("status", "ACTIVE");
        ok(status(freelancer, "contracts", contract, "DELIVERED"));
        var version = ((Number) read(client, path).get("version")).longValue();
        Problem.expect(post(client, path + "/status", Map.of("status", "COMPLETED", "version", version - 1)),
                HttpStatus.CONFLICT, "concurrent-update");
        assertThat(ok(post(client, path + "/status", Map.of("status", "COMPLETED", "version", version))))
                .containsEntry("status", "COMPLETED");
        assertThat(read(client, "/api/freelancing/gigs/" + gig)).containsEntry("status", "CLOSED");
        var done = Problem.expect(status(freelancer, "contracts", contract, "CANCELLED"), HttpStatus.CONFLICT,
                "invalid-transition");
        assertThat(done.detail()).contains("COMPLETED");
    }

    @Test
    void either_party_cancels_an_active_or_delivered_contract_which_closes_the_gig() {
        var first = gig(client, "First");
        var byFreelancer = accept(client, propose(freelancer, first, 1_000, "One"));
        assertThat(ok(status(freelancer, "contracts", byFreelancer, "CANCELLED"))).containsEntry("status", "CANCELLED");
        assertThat(read(client, "/api/freelancing/gigs/" + first)).containsEntry("status", "CLOSED");
        Problem.expect(status(client, "contracts", byFreelancer, "ACTIVE"), HttpStatus.CONFLICT, "invalid-transition");

        var second = gig(client, "Second");
        var byClient = accept(client, propose(freelancer, second, 1_000, "Two"));
        ok(status(freelancer, "contracts", byClient, "DELIVERED"));
        assertThat(ok(status(client, "contracts", byClient, "CANCELLED"))).containsEntry("status", "CANCELLED");
        assertThat(read(client, "/api/freelancing/gigs/" + second)).containsEntry("status", "CLOSED");
    }

    @Test
    void the_client_adds_milestones_in_the_contracts_currency_the_freelancer_delivers_them_and_the_client_accepts() {
        var contract = accept(client, propose(freelancer, gig(client, "Thesis layout"), 40_000, "Layout"));
        var path = "/api/freelancing/contracts/" + contract + "/milestones";
        var milestone = Map.<String, Object>of("title", "First chapter", "amount", eur(10_000),
                "dueDate", "2030-01-15");

        Problem.expect(post(freelancer, path, milestone), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(post(bystander, path, milestone), HttpStatus.NOT_FOUND, "not-found");
        assertThat(Problem.expect(post(client, path, Map.of("title", "Dollars", "amount",
                Map.of("amountMinor", 1, "currency", "USD"), "dueDate", "2030-01-15")), HttpStatus.BAD_REQUEST,
                "invalid-request").rejectedFields()).containsExactly("amount.currency");
        assertThat(Problem.expect(post(client, path, Map.of("title", "No date", "amount", eur(1))),
                HttpStatus.BAD_REQUEST, "invalid-request").rejectedFields()).containsExactly("dueDate");
        var created = created(post(client, path, milestone));
        assertThat(created).containsEntry("status", "PENDING").containsEntry("title", "First chapter")
                .containsEntry("amount", eur(10_000)).containsEntry("dueDate", "2030-01-15");
        var id = id(created);

        Problem.expect(status(client, "milestones", id, "DELIVERED"), HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(status(client, "milestones", id, "ACCEPTED"), HttpStatus.CONFLICT, "invalid-transition");
        Problem.expect(status(bystander, "milestones", id, "DELIVERED"), HttpStatus.NOT_FOUND, "not-found");
        assertThat(ok(status(freelancer, "milestones", id, "DELIVERED"))).containsEntry("status", "DELIVERED");
        Problem.expect(status(freelancer, "milestones", id, "ACCEPTED"), HttpStatus.FORBIDDEN, "forbidden");
        assertThat(ok(status(client, "milestones", id, "ACCEPTED"))).containsEntry("status", "ACCEPTED");
        Problem.expect(status(freelancer, "milestones", id, "DELIVERED"), HttpStatus.CONFLICT, "invalid-transition");
        assertThat(items(Map.of("items", read(freelancer, "/api/freelancing/contracts/" + contract).get("milestones"))))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("status", "ACCEPTED"));

        var second = id(created(post(client, path, milestone)));
        ok(status(freelancer, "contracts", contract, "DELIVERED"));
        Problem.expect(post(client, path, milestone), HttpStatus.UNPROCESSABLE_CONTENT, "contract-not-active");
        assertThat(ok(status(freelancer, "milestones", second, "DELIVERED"))).containsEntry("status", "DELIVERED");
        ok(status(client, "contracts", contract, "CANCELLED"));
        var ended = Problem.expect(status(client, "milestones", second, "ACCEPTED"), HttpStatus.UNPROCESSABLE_CONTENT,
                "contract-ended");
        assertThat(ended.detail()).contains("CANCELLED");
    }

    @Test
    void another_institutions_gigs_proposals_and_contracts_are_not_found_and_not_listed() {
        var elsewhere = world.institution();
        var theirGig = gig(elsewhere.student().client(), "Over there");
        var theirProposal = propose(elsewhere.instructor().client(), theirGig, 1_000, "There");
        var theirContract = accept(elsewhere.student().client(), theirProposal);
        var mine = gig(client, "Here");

        Problem.expect(client.get().uri("/api/freelancing/gigs/{id}", theirGig).exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        Problem.expect(post(freelancer, "/api/freelancing/gigs/" + theirGig + "/proposals", Map.of("price", eur(1),
                "message", "Planted")), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(client.get().uri("/api/freelancing/proposals/{id}", theirProposal).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(client.get().uri("/api/freelancing/contracts/{id}", theirContract).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        assertThat(items(read(client, "/api/freelancing/gigs?limit=100"))).extracting(g -> g.get("id"))
                .containsExactly(mine.toString());
    }

    private void assertRejected(Map<String, Object> request, String field) {
        var problem = Problem.expect(post(client, "/api/freelancing/gigs", request), HttpStatus.BAD_REQUEST,
                "invalid-request");
        assertThat(problem.rejectedFields()).as("fields rejected in %s", request).containsExactly(field);
    }

    private static Map<String, Object> with(String field, Object value) {
        var request = new HashMap<>(gigRequest("A gig"));
        request.put(field, value);
        return request;
    }
}
