package io.edumatrix.identity.internal.oidc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An account's link to a provider's subject; subject and email sealed for the account. */
@Table("linked_identity")
record LinkedIdentity(@Id UUID id, UUID accountId, String registration, byte[] subjectIndex, byte[] subject,
        byte[] email, Instant createdAt) {}
