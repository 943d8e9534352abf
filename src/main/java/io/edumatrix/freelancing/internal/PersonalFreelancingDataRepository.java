package io.edumatrix.freelancing.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's rows in every institution, for their export and erasure (with the person bound as data subject, the only
 * time row-level security admits rows of several institutions).
 */
interface PersonalFreelancingDataRepository extends Repository<Gig, UUID> {

    @Query("SELECT * FROM gig WHERE client_account_id = :accountId ORDER BY id")
    List<Gig> gigsOf(UUID accountId);

    @Query("SELECT * FROM proposal WHERE freelancer_account_id = :accountId ORDER BY id")
    List<Proposal> proposalsOf(UUID accountId);

    /** The person's links to contracts; the contracts themselves are reached through them. */
    @Query("SELECT * FROM contract_party WHERE account_id = :accountId ORDER BY id")
    List<ContractParty> contractLinksOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM proposal WHERE freelancer_account_id = :accountId")
    int deleteProposalsOf(UUID accountId);

    /** Others' proposals on these gigs go with them (ON DELETE CASCADE); contracts refer to them by value and stay. */
    @Modifying
    @Query("DELETE FROM gig WHERE client_account_id = :accountId")
    int deleteGigsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM contract_party WHERE account_id = :accountId")
    int deleteContractLinksOf(UUID accountId);
}
