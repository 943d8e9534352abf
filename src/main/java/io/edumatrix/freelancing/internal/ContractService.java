package io.edumatrix.freelancing.internal;

import io.edumatrix.freelancing.ContractCancelled;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.internal.Views.ContractView;
import io.edumatrix.freelancing.internal.Views.MilestoneView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.web.Page;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts and their milestones. Only the two parties see a contract: to anyone else, a member of the same institution
 * included, it does not exist (404). The freelancer delivers, the client accepts, either cancels.
 */
@Service
@Transactional("freelancing")
class ContractService {

    private static final String CLIENT = ContractParties.CLIENT;
    private static final String FREELANCER = ContractParties.FREELANCER;

    private final ContractRepository contracts;
    private final MilestoneRepository milestones;
    private final GigRepository gigRows;
    private final ApplicationEventPublisher events;

    ContractService(ContractRepository contracts, MilestoneRepository milestones, GigRepository gigRows,
            ApplicationEventPublisher events) {
        this.contracts = contracts;
        this.milestones = milestones;
        this.gigRows = gigRows;
        this.events = events;
    }

    /** The contract of an accepted proposal, with a link to each party; answers its id. */
    UUID open(Proposal accepted, Gig gig) {
        var contract = contracts.save(Contract.of(Ids.next(), accepted, Times.now()));
        contracts.addParty(Ids.next(), gig.institutionId(), contract.id(), gig.clientAccountId(), CLIENT);
        contracts.addParty(Ids.next(), gig.institutionId(), contract.id(), accepted.freelancerAccountId(), FREELANCER);
        return contract.id();
    }

    @Transactional(value = "freelancing", readOnly = true)
    ContractView get(UUID id, UUID accountId) {
        return view(find(id, accountId));
    }

    @Transactional(value = "freelancing", readOnly = true)
    Page<ContractView> mine(UUID accountId, UUID after, int limit) {
        return Page.of(contracts.findPageOfParty(accountId, Page.after(after), limit + 1), limit, Contract::id)
                .map(this::view);
    }

    @Transactional(value = "freelancing", readOnly = true)
    UUID idOfProposal(UUID proposalId) {
        return contracts.idOfProposal(proposalId).orElse(null);
    }

    /** See {@link ContractParties} for who moves a contract where. A contract that ends closes its gig. */
    ContractView changeStatus(UUID id, UUID accountId, Contract.Status to, Long version) {
        var contract = find(id, accountId);
        var parties = parties(id);
        parties.requireMayMove(accountId, to);
        contract.requireMove(to, version);
        Changes.requireMoved(contracts.move(id, contract.status().name(), to.name()), Contract.LIFECYCLE,
                () -> find(id, accountId).status(), to, "Contract", id);
        if (contract.ends(to)) {
            closeGig(contract);
            events.publishEvent(to == Contract.Status.COMPLETED
                    ? ContractCompleted.of(contract.institutionId(), id, contract.gigId(), parties.client(),
                            parties.freelancer())
                    : ContractCancelled.of(contract.institutionId(), id, contract.gigId(), parties.client(),
                            parties.freelancer()));
        }
        return view(find(id, accountId));
    }

    /** The contract is locked while its milestones are summed, so that two added at once cannot pass its price. */
    MilestoneView addMilestone(UUID contractId, UUID accountId, String title, Money amount, LocalDate dueDate) {
        var contract = contracts.findForPartyForUpdate(contractId, accountId)
                .orElseThrow(() -> DomainException.notFound("Contract", contractId));
        parties(contractId).requireMayAddMilestone(accountId);
        contract.requireTakesMilestone(amount, milestones.plannedMinor(contractId));
        return view(milestones.save(Milestone.pending(Ids.next(), contract, title, amount, dueDate, Times.now())));
    }

    /** DELIVERED by the freelancer, ACCEPTED by the client, while the contract has not ended. */
    MilestoneView changeMilestoneStatus(UUID id, UUID accountId, Milestone.Status to, Long version) {
        var milestone = milestones.findById(id).orElseThrow(() -> DomainException.notFound("Milestone", id));
        var contract = find(milestone.contractId(), accountId);
        parties(contract.id()).requireMayMoveMilestone(accountId, to);
        contract.requireMilestonesChange();
        milestone.requireMove(to, version);
        Changes.requireMoved(milestones.move(id, milestone.status().name(), to.name()), Milestone.LIFECYCLE,
                () -> milestones.findById(id).orElseThrow().status(), to, "Milestone", id);
        return view(milestones.findById(id).orElseThrow());
    }

    /** The gig may be gone (its client erased): then there is nothing to close. */
    private void closeGig(Contract contract) {
        if (gigRows.move(contract.gigId(), Gig.Status.AWARDED.name(), Gig.Status.CLOSED.name()) == 1) {
            events.publishEvent(GigClosed.of(contract.institutionId(), contract.gigId()));
        }
    }

    private ContractParties parties(UUID contractId) {
        return new ContractParties(contracts.party(contractId, CLIENT).orElse(null),
                contracts.party(contractId, FREELANCER).orElse(null));
    }

    private Contract find(UUID id, UUID accountId) {
        return contracts.findForParty(id, accountId).orElseThrow(() -> DomainException.notFound("Contract", id));
    }

    private ContractView view(Contract c) {
        var parties = parties(c.id());
        return new ContractView(c.id(), c.gigId(), c.proposalId(), parties.client(), parties.freelancer(), c.price(), c.status(),
                milestones.findByContract(c.id()).stream().map(ContractService::view).toList(), c.version(),
                c.createdAt(), c.updatedAt());
    }

    private static MilestoneView view(Milestone m) {
        return new MilestoneView(m.id(), m.contractId(), m.title(), m.amount(), m.dueDate(), m.status(), m.version(),
                m.createdAt(), m.updatedAt());
    }
}
