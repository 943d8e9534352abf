package io.edumatrix.freelancing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ContractRepository extends ListCrudRepository<Contract, UUID> {

    /** The contract, if {@code accountId} is one of its parties: to anyone else it does not exist. */
    @Query("SELECT c.* FROM contract c WHERE c.id = :id"
            + " AND EXISTS (SELECT 1 FROM contract_party p WHERE p.contract_id = c.id AND p.account_id = :accountId)")
    Optional<Contract> findForParty(UUID id, UUID accountId);

    @Query("SELECT c.* FROM contract c JOIN contract_party p ON p.contract_id = c.id"
            + " WHERE p.account_id = :accountId AND c.id > :after ORDER BY c.id LIMIT :limit")
    List<Contract> findPageOfParty(UUID accountId, UUID after, int limit);

    /** Locks the contract's row until the transaction ends, so that two milestones added at once are summed in turn. */
    @Query("SELECT c.* FROM contract c WHERE c.id = :id"
            + " AND EXISTS (SELECT 1 FROM contract_party p WHERE p.contract_id = c.id AND p.account_id = :accountId)"
            + " FOR UPDATE OF c")
    Optional<Contract> findForPartyForUpdate(UUID id, UUID accountId);

    @Query("SELECT id FROM contract WHERE proposal_id = :proposalId")
    Optional<UUID> idOfProposal(UUID proposalId);

    @Modifying
    @Query("UPDATE contract SET status = :to, version = version + 1, updated_at = now()"
            + " WHERE id = :id AND status = :from")
    int move(UUID id, String from, String to);

    @Modifying
    @Query("INSERT INTO contract_party (id, institution_id, contract_id, account_id, role, joined_at)"
            + " VALUES (:id, :institutionId, :contractId, :accountId, :role, now())")
    int addParty(UUID id, UUID institutionId, UUID contractId, UUID accountId, String role);

    /** The account of the contract's party in {@code role} (CLIENT or FREELANCER); empty once that person is erased. */
    @Query("SELECT account_id FROM contract_party WHERE contract_id = :contractId AND role = :role")
    Optional<UUID> party(UUID contractId, String role);
}
