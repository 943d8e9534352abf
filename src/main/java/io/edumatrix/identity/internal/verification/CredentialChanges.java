package io.edumatrix.identity.internal.verification;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.accounts.Account;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.accounts.Passwords;
import io.edumatrix.identity.internal.sessions.AccountSessions;
import io.edumatrix.platform.domain.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Changes of a signed-in account's password and email, each confirmed with the current password, and the completion
 * of a password reset. Passwords are checked and hashed outside any transaction (Argon2 is slow on purpose); the
 * changes are stored in one identity transaction each.
 */
@Component
class CredentialChanges {

    private final AccountService accounts;
    private final Passwords passwords;
    private final PasswordReset reset;
    private final EmailVerification verification;
    private final AccountSessions sessions;

    CredentialChanges(AccountService accounts, Passwords passwords, PasswordReset reset,
            EmailVerification verification, AccountSessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.reset = reset;
        this.verification = verification;
        this.sessions = sessions;
    }

    /** A new password; every session of the account ends, this one included. */
    void changePassword(UUID accountId, String currentPassword, String newPassword) {
        var account = requireCurrentPassword(accountId, currentPassword);
        Passwords.check(newPassword, account.email());
        accounts.replacePasswordHashAndEndSessions(accountId, passwords.hash(newPassword), sessions);
    }

    void completeReset(String token, String newPassword) {
        var account = reset.holderOf(token);
        Passwords.check(newPassword, account.email());
        reset.complete(token, passwords.hash(newPassword));
    }

    void changeEmail(UUID accountId, String currentPassword, String newEmail) {
        requireCurrentPassword(accountId, currentPassword);
        verification.changeEmail(accountId, newEmail.strip());
    }

    private Account requireCurrentPassword(UUID accountId, String password) {
        var account = accounts.get(accountId);
        if (!passwords.matches(password, account.passwordHash())) {
            throw new DomainException(IdentityProblems.WRONG_PASSWORD, "The current password is wrong");
        }
        return account;
    }
}
