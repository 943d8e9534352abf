package io.edumatrix.identity.internal.accounts;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals an account's personal columns for storage and opens them again, and computes the blind index that finds an
 * account (and its login attempts) by email without the email being stored.
 */
@Component
public class AccountSealing {

    static final SealedColumn EMAIL = SealedColumn.of("account", "email");
    static final SealedColumn DISPLAY_NAME = SealedColumn.of("account", "display_name");

    private final PersonalDataVault vault;

    AccountSealing(@Qualifier("identity") PersonalDataVault vault) {
        this.vault = vault;
    }

    /** The blind index of an email, whatever its letter case and surrounding blanks. */
    public byte[] emailIndex(String email) {
        return vault.blindIndex(EMAIL, email.strip().toLowerCase(Locale.ROOT));
    }

    /** The account's row with another email, sealed and indexed, and unverified. */
    public StoredAccount withEmail(StoredAccount stored, String email) {
        return stored.withEmail(vault.seal(stored.id(), EMAIL, stored.id(), email), emailIndex(email));
    }

    StoredAccount seal(Account account) {
        var id = account.id();
        return new StoredAccount(id, account.version(), vault.seal(id, EMAIL, id, account.email()),
                emailIndex(account.email()), vault.seal(id, DISPLAY_NAME, id, account.displayName()), account.status(),
                account.platformAdmin(), account.passwordHash(), account.createdAt(), account.updatedAt(),
                account.emailVerifiedAt());
    }

    public Account open(StoredAccount stored) {
        var id = stored.id();
        return new Account(id, stored.version(), vault.openOrNull(id, EMAIL, id, stored.email()),
                vault.openOrNull(id, DISPLAY_NAME, id, stored.displayName()), stored.status(),
                stored.platformAdmin(), stored.passwordHash(), stored.createdAt(), stored.updatedAt(),
                stored.emailVerifiedAt());
    }
}
