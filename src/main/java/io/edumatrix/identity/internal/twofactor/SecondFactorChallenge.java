package io.edumatrix.identity.internal.twofactor;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A password login waiting for its second factor; {@code institutionId} is the institution it asked for, if any. */
@Table("second_factor_challenge")
record SecondFactorChallenge(@Id UUID id, UUID accountId, byte[] challengeHash, UUID institutionId, Instant createdAt,
        Instant expiresAt, Instant usedAt) {}
