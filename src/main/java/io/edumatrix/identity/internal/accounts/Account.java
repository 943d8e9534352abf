package io.edumatrix.identity.internal.accounts;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's account: how they log in. What they may do in an institution is a membership, kept by institutions. The
 * email and display name are the plaintext of the sealed columns ({@link StoredAccount}); both are null once the
 * person's key has been forgotten (erasure).
 */
public record Account(UUID id, Long version, String email, String displayName, Status status, boolean platformAdmin,
        String passwordHash, Instant createdAt, Instant updatedAt, Instant emailVerifiedAt) {

    public enum Status {
        ACTIVE,
        DISABLED
    }

    /** A new account; its email is unverified unless the caller vouches for it (the configured administrator). */
    static Account register(String email, String displayName, String passwordHash, boolean platformAdmin,
            boolean emailVerified) {
        var now = Times.now();
        return new Account(Ids.next(), null, email, displayName, Status.ACTIVE, platformAdmin, passwordHash, now, now,
                emailVerified ? now : null);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
