package io.edumatrix.freelancing.internal;

import static io.edumatrix.freelancing.internal.FreelancingFixtures.CLIENT;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.FREELANCER;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.contract;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.eur;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.parties;
import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import org.junit.jupiter.api.Test;

/** Who moves a contract and its milestones, and what they add up to: {@link Contract} and {@link ContractParties}. */
@UnitTest
class ContractRulesTests {

    @Test
    void the_freelancer_delivers_the_client_accepts_or_asks_for_changes_either_cancels() {
        var parties = parties();

        assertThatCode(() -> parties.requireMayMove(FREELANCER, Contract.Status.DELIVERED)).doesNotThrowAnyException();
        assertThatCode(() -> parties.requireMayMove(CLIENT, Contract.Status.COMPLETED)).doesNotThrowAnyException();
        assertThatCode(() -> parties.requireMayMove(CLIENT, Contract.Status.ACTIVE)).doesNotThrowAnyException();
        assertThatCode(() -> parties.requireMayMove(CLIENT, Contract.Status.CANCELLED)).doesNotThrowAnyException();
        assertThatCode(() -> parties.requireMayMove(FREELANCER, Contract.Status.CANCELLED))
                .doesNotThrowAnyException();
        refusal(() -> parties.requireMayMove(CLIENT, Contract.Status.DELIVERED), FreelancingProblems.FORBIDDEN);
        refusal(() -> parties.requireMayMove(FREELANCER, Contract.Status.COMPLETED), FreelancingProblems.FORBIDDEN);
        refusal(() -> parties.requireMayMove(FREELANCER, Contract.Status.ACTIVE), FreelancingProblems.FORBIDDEN);
    }

    @Test
    void an_erased_party_moves_nothing() {
        var withoutClient = new ContractParties(null, FREELANCER);

        refusal(() -> withoutClient.requireMayAddMilestone(CLIENT), FreelancingProblems.FORBIDDEN);
        assertThatCode(() -> withoutClient.requireMayMove(FREELANCER, Contract.Status.CANCELLED))
                .doesNotThrowAnyException();
    }

    @Test
    void a_completed_contract_is_final_and_ends_its_milestones() {
        var completed = contract(Contract.Status.COMPLETED);

        refusal(() -> completed.requireMove(Contract.Status.ACTIVE, null), ProblemType.INVALID_TRANSITION);
        assertThat(refusal(completed::requireMilestonesChange, FreelancingProblems.CONTRACT_ENDED).properties())
                .containsEntry("currentState", "COMPLETED");
        assertThat(completed.ends(Contract.Status.CANCELLED)).isTrue();
        assertThat(completed.ends(Contract.Status.DELIVERED)).isFalse();
    }

    @Test
    void only_the_client_adds_milestones_and_only_the_freelancer_delivers_them() {
        var parties = parties();

        refusal(() -> parties.requireMayAddMilestone(FREELANCER), FreelancingProblems.FORBIDDEN);
        refusal(() -> parties.requireMayMoveMilestone(CLIENT, Milestone.Status.DELIVERED),
                FreelancingProblems.FORBIDDEN);
        refusal(() -> parties.requireMayMoveMilestone(FREELANCER, Milestone.Status.ACCEPTED),
                FreelancingProblems.FORBIDDEN);
        assertThatCode(() -> parties.requireMayMoveMilestone(CLIENT, Milestone.Status.ACCEPTED))
                .doesNotThrowAnyException();
    }

    @Test
    void milestones_are_added_to_an_active_contract_only() {
        refusal(() -> contract(Contract.Status.DELIVERED).requireTakesMilestone(eur(1_000), 0),
                FreelancingProblems.CONTRACT_NOT_ACTIVE);
    }

    @Test
    void a_milestone_is_in_the_contracts_currency() {
        refusal(() -> contract(Contract.Status.ACTIVE).requireTakesMilestone(Money.of(1_000, "USD"), 0),
                PlatformProblems.INVALID_REQUEST);
    }

    @Test
    void a_contracts_milestones_add_up_to_its_price_at_most() {
        var contract = contract(Contract.Status.ACTIVE);

        assertThatCode(() -> contract.requireTakesMilestone(eur(10_000), 30_000)).doesNotThrowAnyException();
        var refused = refusal(() -> contract.requireTakesMilestone(eur(10_001), 30_000),
                FreelancingProblems.MILESTONES_EXCEED_PRICE);

        assertThat(refused.properties()).containsEntry("price", eur(40_000)).containsEntry("remaining", eur(10_000));
    }
}
