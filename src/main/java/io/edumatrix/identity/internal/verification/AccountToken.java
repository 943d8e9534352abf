package io.edumatrix.identity.internal.verification;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A single-use token mailed to an account: its SHA-256 only, what it is for, and the email (by blind index) it was sent
 * to, so a verification link sent to an earlier email of the account verifies nothing.
 */
@Table("account_token")
record AccountToken(@Id UUID id, UUID accountId, Purpose purpose, byte[] tokenHash, byte[] emailIndex,
        Instant createdAt, Instant expiresAt, Instant usedAt) {

    enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET
    }

    /** Unused, unexpired and for this purpose; that it is used once only is decided as it is marked used. */
    boolean usableFor(Purpose wanted, Instant now) {
        return purpose == wanted && usedAt == null && expiresAt.isAfter(now);
    }
}
