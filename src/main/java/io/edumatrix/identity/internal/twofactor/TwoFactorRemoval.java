package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.accounts.Passwords;
import io.edumatrix.platform.domain.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turning two-factor authentication off, proved by a current code of it (or a recovery code) or by the account's
 * password: a stolen access token alone does not take the second factor away. The password is checked outside any
 * transaction (Argon2 is slow on purpose); a wrong code counts towards the second factor's lockout.
 */
@Component
class TwoFactorRemoval {

    private final TwoFactor twoFactor;
    private final AccountService accounts;
    private final Passwords passwords;

    TwoFactorRemoval(TwoFactor twoFactor, AccountService accounts, Passwords passwords) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    void withCode(UUID accountId, String code) {
        twoFactor.turnOffWithCode(accountId, code);
    }

    void withPassword(UUID accountId, String currentPassword) {
        if (!passwords.matches(currentPassword, accounts.get(accountId).passwordHash())) {
            throw new DomainException(IdentityProblems.WRONG_PASSWORD, "The current password is wrong");
        }
        twoFactor.turnOff(accountId);
    }
}
