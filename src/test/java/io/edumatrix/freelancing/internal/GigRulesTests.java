package io.edumatrix.freelancing.internal;

import static io.edumatrix.freelancing.internal.FreelancingFixtures.CLIENT;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.FREELANCER;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.NOW;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.eur;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.gig;
import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a gig takes, and who changes it: the rules of {@link Gig}, without Spring or a database. */
@UnitTest
class GigRulesTests {

    @Test
    void an_open_gig_takes_a_proposal_before_its_deadline_from_anyone_but_its_client() {
        assertThatCode(() -> gig().requireTakesProposal(FREELANCER, eur(20_000), NOW)).doesNotThrowAnyException();
    }

    @Test
    void a_gig_takes_no_proposal_after_its_deadline() {
        var gig = gig(Gig.Status.OPEN, NOW.minus(Duration.ofMinutes(1)));

        var refused = refusal(() -> gig.requireTakesProposal(FREELANCER, eur(20_000), NOW),
                FreelancingProblems.GIG_DEADLINE_PASSED);

        assertThat(refused.properties()).containsEntry("deadline", gig.deadline().toString());
        assertThat(refused.getMessage()).contains(gig.deadline().toString());
    }

    @Test
    void a_gig_takes_no_proposal_at_the_instant_of_its_deadline() {
        refusal(() -> gig(Gig.Status.OPEN, NOW).requireTakesProposal(FREELANCER, eur(20_000), NOW),
                FreelancingProblems.GIG_DEADLINE_PASSED);
    }

    @Test
    void a_gig_that_is_not_open_takes_no_proposal_and_says_what_it_is() {
        var refused = refusal(() -> gig(Gig.Status.AWARDED, NOW.plus(Duration.ofDays(1)))
                .requireTakesProposal(FREELANCER, eur(20_000), NOW), FreelancingProblems.GIG_NOT_OPEN);

        assertThat(refused.properties()).containsEntry("currentState", "AWARDED");
    }

    @Test
    void a_gigs_client_sends_no_proposal_on_it() {
        refusal(() -> gig().requireTakesProposal(CLIENT, eur(20_000), NOW), FreelancingProblems.FORBIDDEN);
    }

    @Test
    void a_proposal_is_priced_in_the_gigs_currency() {
        refusal(() -> gig().requireTakesProposal(FREELANCER, Money.of(20_000, "USD"), NOW),
                PlatformProblems.INVALID_REQUEST);
    }

    @Test
    void only_its_client_withdraws_a_gig() {
        refusal(() -> gig().requireChangeBy(FREELANCER, Gig.Status.CLOSED, null), FreelancingProblems.FORBIDDEN);
        assertThatCode(() -> gig().requireChangeBy(CLIENT, Gig.Status.CLOSED, 0L)).doesNotThrowAnyException();
    }

    @Test
    void the_client_neither_awards_a_gig_directly_nor_withdraws_an_awarded_one() {
        refusal(() -> gig().requireChangeBy(CLIENT, Gig.Status.AWARDED, null), ProblemType.INVALID_TRANSITION);
        refusal(() -> gig(Gig.Status.AWARDED, NOW).requireChangeBy(CLIENT, Gig.Status.CLOSED, null),
                ProblemType.INVALID_TRANSITION);
    }

    @Test
    void a_gig_changed_since_the_client_read_it_is_not_changed() {
        refusal(() -> gig().requireChangeBy(CLIENT, Gig.Status.CLOSED, 3L), PlatformProblems.CONCURRENT_UPDATE);
    }

    @Test
    void a_budget_is_a_range_in_one_currency() {
        refusal(() -> Gig.requireBudget(eur(50_000), eur(10_000)), PlatformProblems.INVALID_REQUEST);
        refusal(() -> Gig.requireBudget(eur(10_000), Money.of(50_000, "USD")), PlatformProblems.INVALID_REQUEST);
        assertThatCode(() -> Gig.requireBudget(eur(10_000), eur(10_000))).doesNotThrowAnyException();
    }
}
