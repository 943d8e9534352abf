package io.edumatrix.identity.internal.twofactor;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An account's TOTP secret (sealed), pending until confirmed, with the lock that wrong codes set. */
@Table("totp_credential")
record TotpCredential(@Id UUID accountId, byte[] secret, Instant createdAt, Instant confirmedAt, Long lastUsedStep,
        int failures, Instant lockedUntil) {

    boolean confirmed() {
        return confirmedAt != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
