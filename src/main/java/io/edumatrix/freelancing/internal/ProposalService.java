package io.edumatrix.freelancing.internal;

import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.freelancing.internal.Views.ProposalView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals on gigs. A proposal is seen by its gig's client and by its freelancer, by nobody else; accepting one
 * awards the gig, rejects the others and opens the contract, all in the one transaction.
 */
@Service
@Transactional("freelancing")
class ProposalService {

    private final ProposalRepository proposals;
    private final GigRepository gigRows;
    private final GigService gigs;
    private final ContractService contracts;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    ProposalService(ProposalRepository proposals, GigRepository gigRows, GigService gigs, ContractService contracts,
            @Qualifier("freelancing") PersonalDataVault vault, ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.gigRows = gigRows;
        this.gigs = gigs;
        this.contracts = contracts;
        this.vault = vault;
        this.events = events;
    }

    ProposalView submit(UUID gigId, UUID accountId, Money price, String message) {
        var gig = gigRows.findForShare(gigId).orElseThrow(() -> DomainException.notFound("Gig", gigId));
        gig.requireTakesProposal(accountId, price, Times.now());
        var id = Ids.next();
        try {
            var proposal = proposals.save(Proposal.submit(id, gig, accountId, price,
                    vault.seal(accountId, Proposal.MESSAGE, id, message), Times.now()));
            return open(proposal, null);
        } catch (DuplicateKeyException e) {
            throw FreelancingProblems.PROPOSAL_EXISTS.exception(
                    "Account " + accountId + " has sent a proposal on gig " + gigId + " already");
        }
    }

    /** All of the gig's proposals for its client; for anyone else, their own (none, or one). */
    @Transactional(value = "freelancing", readOnly = true)
    Page<ProposalView> list(UUID gigId, UUID accountId, UUID after, int limit) {
        var gig = gigs.find(gigId);
        var page = gig.isClient(accountId) ? proposals.findPage(gigId, Page.after(after), limit + 1)
                : proposals.findPageOf(gigId, accountId, Page.after(after), limit + 1);
        return Page.of(page, limit, Proposal::id).map(this::open);
    }

    @Transactional(value = "freelancing", readOnly = true)
    ProposalView get(UUID id, UUID accountId) {
        var proposal = find(id);
        if (!proposal.isVisibleTo(accountId, gigs.find(proposal.gigId()))) {
            throw DomainException.notFound("Proposal", id);
        }
        return open(proposal);
    }

    /**
     * The client accepts or rejects a submitted proposal, its freelancer withdraws it. Of two concurrent accepts on one
     * gig, the second finds the gig awarded (409), and its transaction changes nothing.
     */
    ProposalView changeStatus(UUID id, UUID accountId, Proposal.Status to, Long version) {
        var proposal = find(id);
        var gig = gigs.find(proposal.gigId());
        proposal.requireMoveBy(accountId, gig, to, version);
        UUID contractId = null;
        if (to == Proposal.Status.ACCEPTED) {
            Changes.requireMoved(gigRows.move(gig.id(), Gig.Status.OPEN.name(), Gig.Status.AWARDED.name()),
                    Gig.LIFECYCLE, () -> gigs.find(gig.id()).status(), Gig.Status.AWARDED, "Gig", gig.id());
        }
        move(proposal, to);
        if (to == Proposal.Status.ACCEPTED) {
            proposals.rejectSubmitted(List.of(gig.id()));
            contractId = contracts.open(proposal, gig);
            events.publishEvent(ProposalAccepted.of(gig.institutionId(), id, gig.id(), contractId,
                    gig.clientAccountId(), proposal.freelancerAccountId()));
        }
        return open(find(id), contractId);
    }

    private void move(Proposal proposal, Proposal.Status to) {
        Changes.requireMoved(proposals.move(proposal.id(), proposal.status().name(), to.name()), Proposal.LIFECYCLE,
                () -> find(proposal.id()).status(), to, "Proposal", proposal.id());
    }

    private Proposal find(UUID id) {
        return proposals.findById(id).orElseThrow(() -> DomainException.notFound("Proposal", id));
    }

    private ProposalView open(Proposal p) {
        return open(p, p.status() == Proposal.Status.ACCEPTED ? contracts.idOfProposal(p.id()) : null);
    }

    private ProposalView open(Proposal p, UUID contractId) {
        return new ProposalView(p.id(), p.gigId(), p.freelancerAccountId(), p.price(),
                vault.openOrNull(p.freelancerAccountId(), Proposal.MESSAGE, p.id(), p.message()), p.status(),
                contractId, p.version(), p.createdAt(), p.updatedAt());
    }
}
