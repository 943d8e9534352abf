package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What freelancing holds about a person, in every institution: the gigs they posted (as client), the proposals they
 * sent (as freelancer), and their links to contracts (as either party).
 *
 * <p>Erasure, decided as follows:
 * <ul>
 * <li>Their <b>proposals</b> are deleted, messages and all: a price offered and a personal message are theirs alone.
 * <li>Their <b>gigs</b> are deleted, title, description and budget; other members' proposals on them go with them
 * (without the gig they have no meaning, and they hold only those members' own offers).
 * <li>Their <b>contracts</b> stay, for the other party and for the institution's records of agreed work: a contract
 * holds only money facts (agreed price, status, milestones' titles and amounts and due dates) and refers to its gig
 * and proposal by value. What is deleted is the person's {@code contract_party} row, the only personal link; the
 * contract then shows that party as null, and the other party keeps theirs. (Where bookkeeping law requires the
 * counterparty's identity for payments, that record belongs in the payments system, not here.)
 * <li>Finally their key of this module is forgotten (crypto-shredding), so their sealed titles, descriptions and
 * messages in the audit trail and in backups can no longer be read.
 * </ul>
 */
@Component
class FreelancingPersonalData implements PersonalDataHolder {

    private final PersonalFreelancingDataRepository data;
    private final PersonalDataVault vault;

    FreelancingPersonalData(PersonalFreelancingDataRepository data, @Qualifier("freelancing") PersonalDataVault vault) {
        this.data = data;
        this.vault = vault;
    }

    record GigData(UUID gigId, UUID institutionId, String title, String description, Money budgetMin, Money budgetMax,
            Instant deadline, String status, Instant createdAt) {}

    record ProposalData(UUID proposalId, UUID institutionId, UUID gigId, Money price, String message, String status,
            Instant createdAt) {}

    record ContractLink(UUID contractId, UUID institutionId, String role, Instant since) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "gigs", data.gigsOf(accountId).stream().map(g -> new GigData(g.id(), g.institutionId(),
                        vault.openOrNull(accountId, Gig.TITLE, g.id(), g.title()),
                        vault.openOrNull(accountId, Gig.DESCRIPTION, g.id(), g.description()), g.budgetMin(),
                        g.budgetMax(), g.deadline(), g.status().name(), g.createdAt())).toList(),
                "proposals", data.proposalsOf(accountId).stream().map(p -> new ProposalData(p.id(), p.institutionId(),
                        p.gigId(), p.price(), vault.openOrNull(accountId, Proposal.MESSAGE, p.id(), p.message()),
                        p.status().name(), p.createdAt())).toList(),
                "contracts", data.contractLinksOf(accountId).stream().map(l -> new ContractLink(l.contractId(),
                        l.institutionId(), l.role(), l.joinedAt())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteProposalsOf(accountId);
        data.deleteGigsOf(accountId);
        data.deleteContractLinksOf(accountId);
        vault.forget(accountId);
    }
}
