package io.edumatrix.freelancing.internal;

import static io.edumatrix.freelancing.internal.FreelancingFixtures.CLIENT;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.FREELANCER;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.NOW;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.STRANGER;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.gig;
import static io.edumatrix.freelancing.internal.FreelancingFixtures.proposal;
import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import org.junit.jupiter.api.Test;

/** Who decides a proposal, and when: the rules of {@link Proposal}, without Spring or a database. */
@UnitTest
class ProposalRulesTests {

    @Test
    void a_proposal_is_seen_by_its_freelancer_and_its_gigs_client_only() {
        var gig = gig();
        var proposal = proposal(gig, Proposal.Status.SUBMITTED);

        assertThat(proposal.isVisibleTo(FREELANCER, gig)).isTrue();
        assertThat(proposal.isVisibleTo(CLIENT, gig)).isTrue();
        assertThat(proposal.isVisibleTo(STRANGER, gig)).isFalse();
    }

    @Test
    void to_anyone_but_its_parties_a_proposal_does_not_exist() {
        var gig = gig();

        refusal(() -> proposal(gig, Proposal.Status.SUBMITTED).requireMoveBy(STRANGER, gig, Proposal.Status.ACCEPTED,
                null), ProblemType.NOT_FOUND);
    }

    @Test
    void the_client_accepts_or_rejects_and_the_freelancer_withdraws() {
        var gig = gig();
        var proposal = proposal(gig, Proposal.Status.SUBMITTED);

        assertThatCode(() -> proposal.requireMoveBy(CLIENT, gig, Proposal.Status.ACCEPTED, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> proposal.requireMoveBy(CLIENT, gig, Proposal.Status.REJECTED, 0L))
                .doesNotThrowAnyException();
        assertThatCode(() -> proposal.requireMoveBy(FREELANCER, gig, Proposal.Status.WITHDRAWN, null))
                .doesNotThrowAnyException();
        refusal(() -> proposal.requireMoveBy(FREELANCER, gig, Proposal.Status.ACCEPTED, null),
                FreelancingProblems.FORBIDDEN);
        refusal(() -> proposal.requireMoveBy(CLIENT, gig, Proposal.Status.WITHDRAWN, null),
                FreelancingProblems.FORBIDDEN);
    }

    @Test
    void a_decided_proposal_stays_decided() {
        var gig = gig();

        var refused = refusal(() -> proposal(gig, Proposal.Status.REJECTED).requireMoveBy(CLIENT, gig,
                Proposal.Status.ACCEPTED, null), ProblemType.INVALID_TRANSITION);

        assertThat(refused.properties()).containsEntry("currentState", "REJECTED");
    }

    @Test
    void one_proposal_is_accepted_per_gig_as_an_awarded_gig_is_awarded_no_more() {
        var awarded = gig(Gig.Status.AWARDED, NOW);

        refusal(() -> proposal(awarded, Proposal.Status.SUBMITTED).requireMoveBy(CLIENT, awarded,
                Proposal.Status.ACCEPTED, null), ProblemType.INVALID_TRANSITION);
        assertThatCode(() -> proposal(awarded, Proposal.Status.SUBMITTED).requireMoveBy(CLIENT, awarded,
                Proposal.Status.REJECTED, null)).doesNotThrowAnyException();
    }

    @Test
    void a_proposal_changed_since_it_was_read_is_not_decided() {
        var gig = gig();

        refusal(() -> proposal(gig, Proposal.Status.SUBMITTED).requireMoveBy(CLIENT, gig, Proposal.Status.ACCEPTED,
                5L), PlatformProblems.CONCURRENT_UPDATE);
    }
}
