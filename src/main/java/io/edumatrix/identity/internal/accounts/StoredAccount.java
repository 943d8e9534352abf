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
        Account.Status status, boolean platformAdmin, String passwordHash, Instant createdAt, Instant updatedAt) {

    public boolean active() {
        return status == Account.Status.ACTIVE;
    }

    StoredAccount withPasswordHash(String newHash) {
        return new StoredAccount(id, version, email, emailIndex, displayName, status, platformAdmin, newHash, createdAt,
                Times.now());
    }
}
