package io.edumatrix.identity.internal.accounts;

import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account's row: the email and display name only as ciphertext sealed for the account (subject and row are both
 * its id), and the email's blind index for lookups. {@link AccountSealing} converts it to and from an {@link Account}.
 */
@Table("account")
public record StoredAccount(@Id UUID id, @Version Long version, byte[] email, byte[] emailIndex, byte[] displayName,
        Account.Status status, boolean platformAdmin, String passwordHash, Instant createdAt, Instant updatedAt,
        Instant emailVerifiedAt) {

    public boolean active() {
        return status == Account.Status.ACTIVE;
    }

    public StoredAccount withPasswordHash(String newHash) {
        return new StoredAccount(id, version, email, emailIndex, displayName, status, platformAdmin, newHash, createdAt,
                Times.now(), emailVerifiedAt);
    }

    /** The email shown to be the holder's now; unchanged if it was already. */
    public StoredAccount withEmailVerified() {
        var now = Times.now();
        return emailVerifiedAt != null ? this : new StoredAccount(id, version, email, emailIndex, displayName, status,
                platformAdmin, passwordHash, createdAt, now, now);
    }

    /** Another email, sealed, with its index: unverified until its own link is followed. */
    StoredAccount withEmail(byte[] sealedEmail, byte[] newIndex) {
        return new StoredAccount(id, version, sealedEmail, newIndex, displayName, status, platformAdmin, passwordHash,
                createdAt, Times.now(), null);
    }
}
