package io.edumatrix.freelancing.internal;

import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.freelancing.ContractCancelled;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.GigPosted;
import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.platform.events.DomainEvent;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The module's events, with their ids and institution, as its HTTP API and its listener of
 * {@code InstitutionDeactivated} cause them: a recorder in the application hears each as it is published, on whatever
 * thread (the listener runs on the event executor, not the test's).
 */
@HttpApplicationTest
@IntegrationTest
class FreelancingEventsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private RestTestClient anonymous;
    @Autowired
    private Recorder recorder;
    @Autowired
    private GigService gigs;

    private World world;
    private World.Institution school;
    private RestTestClient client;
    private RestTestClient freelancer;

    /** A plain application listener: module code may not use @EventListener (ModuleListenerGuard), a test may. */
    @TestConfiguration
    static class Recorder implements ApplicationListener<PayloadApplicationEvent<?>> {

        final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            if (event.getPayload() instanceof DomainEvent domainEvent) {
                heard.add(domainEvent);
            }
        }

        <E> List<E> of(Class<E> type, UUID institution) {
            return heard.stream().filter(type::isInstance).map(type::cast)
                    .filter(e -> ((DomainEvent) e).institutionId().equals(institution)).toList();
        }
    }

    @BeforeEach
    void anInstitutionWithAClientAndAFreelancer() {
        world = new World(anonymous);
        school = world.institution();
        client = school.student().client();
        freelancer = school.instructor().client();
    }

    @Test
    void posting_accepting_completing_cancelling_and_withdrawing_are_announced_once_each_with_their_ids() {
        var completedGig = gig("Completed");
        var proposal = propose(completedGig);
        var contract = accept(proposal);
        status("contracts", contract, "DELIVERED", freelancer);
        status("contracts", contract, "COMPLETED", client);
        var cancelledGig = gig("Cancelled");
        var cancelled = accept(propose(cancelledGig));
        status("contracts", cancelled, "CANCELLED", freelancer);
        var withdrawnGig = gig("Withdrawn");
        status("gigs", withdrawnGig, "CLOSED", client);

        var clientId = school.student().accountId();
        var freelancerId = school.instructor().accountId();
        assertThat(recorder.of(GigPosted.class, school.id())).extracting(GigPosted::gigId)
                .containsExactly(completedGig, cancelledGig, withdrawnGig);
        assertThat(recorder.of(GigPosted.class, school.id())).allSatisfy(e -> {
            assertThat(e.clientAccountId()).isEqualTo(clientId);
            assertThat(e.version()).isEqualTo(GigPosted.VERSION).isEqualTo(1);
        });
        assertThat(recorder.of(ProposalAccepted.class, school.id())).first().satisfies(e -> {
            assertThat(e.proposalId()).isEqualTo(proposal);
            assertThat(e.gigId()).isEqualTo(completedGig);
            assertThat(e.contractId()).isEqualTo(contract);
            assertThat(e.clientAccountId()).isEqualTo(clientId);
            assertThat(e.freelancerAccountId()).isEqualTo(freelancerId);
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(recorder.of(ContractCompleted.class, school.id())).singleElement().satisfies(e -> {
            assertThat(e.contractId()).isEqualTo(contract);
            assertThat(e.gigId()).isEqualTo(completedGig);
            assertThat(e.clientAccountId()).isEqualTo(clientId);
            assertThat(e.freelancerAccountId()).isEqualTo(freelancerId);
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(recorder.of(ContractCancelled.class, school.id())).singleElement().satisfies(e -> {
            assertThat(e.contractId()).isEqualTo(cancelled);
            assertThat(e.gigId()).isEqualTo(cancelledGig);
            assertThat(e.freelancerAccountId()).isEqualTo(freelancerId);
        });
        assertThat(recorder.of(GigClosed.class, school.id())).extracting(GigClosed::gigId)
                .containsExactly(completedGig, cancelledGig, withdrawnGig);
    }

    /** The flow of the issue: a platform admin deactivates the institution over HTTP, and its open gigs close. */
    @Test
    void deactivating_an_institution_closes_its_open_gigs_rejects_their_proposals_and_announces_each_once()
            throws Exception {
        var open = List.of(gig("Open one"), gig("Open two"));
        var proposal = propose(open.getFirst());
        var awarded = gig("Awarded");
        accept(propose(awarded));
        var elsewhere = world.institution();
        var untouched = gig(elsewhere.student().client(), "Elsewhere");

        world.platformAdmin().client().post().uri("/api/institutions/{id}/deactivation", school.id()).exchange()
                .expectStatus().isOk();

        var deadline = Instant.now().plus(PATIENCE);
        while (count("SELECT count(*) FROM freelancing.gig WHERE institution_id = ? AND status = 'OPEN'", school.id())
                > 0) {
            assertThat(Instant.now()).as("open gigs of the deactivated institution closed").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(statusOf("gig", awarded)).isEqualTo("AWARDED");
        assertThat(statusOf("gig", untouched)).isEqualTo("OPEN");
        assertThat(statusOf("proposal", proposal)).isEqualTo("REJECTED");
        assertThat(recorder.of(GigClosed.class, school.id())).extracting(GigClosed::gigId)
                .containsExactlyInAnyOrderElementsOf(open);

        var again = TenantContext.inInstitution(school.id(), () -> gigs.closeAllOpen(school.id()));
        assertThat(again).as("gigs closed by a second delivery").isZero();
        assertThat(recorder.of(GigClosed.class, school.id())).hasSize(2);
        assertThat(recorder.of(GigClosed.class, elsewhere.id())).isEmpty();
    }

    private UUID gig(String title) {
        return gig(client, title);
    }

    private static UUID gig(RestTestClient as, String title) {
        return id(as.post().uri("/api/freelancing/gigs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "description", "About " + title,
                        "budgetMin", Map.of("amountMinor", 1_000, "currency", "EUR"),
                        "budgetMax", Map.of("amountMinor", 2_000, "currency", "EUR"),
                        "deadline", Instant.now().plus(Duration.ofDays(7)).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private UUID propose(UUID gig) {
        return id(freelancer.post().uri("/api/freelancing/gigs/{id}/proposals", gig)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("price", Map.of("amountMinor", 1_000, "currency", "EUR"), "message", "Me"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private UUID accept(UUID proposal) {
        return UUID.fromString((String) status("proposals", proposal, "ACCEPTED", client).get("contractId"));
    }

    private static Map<?, ?> status(String resource, UUID id, String status, RestTestClient as) {
        return as.post().uri("/api/freelancing/{resource}/{id}/status", resource, id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", status)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String statusOf(String table, UUID id) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin();
                var query = admin.prepareStatement("SELECT status FROM freelancing." + table + " WHERE id = ?")) {
            query.setObject(1, id);
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
