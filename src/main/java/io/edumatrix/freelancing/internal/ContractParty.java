package io.edumatrix.freelancing.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The link between a contract and one of its parties, read for the person's export (written by ContractRepository). */
@Table("contract_party")
record ContractParty(@Id UUID id, UUID institutionId, UUID contractId, UUID accountId, String role,
        Instant joinedAt) {}
