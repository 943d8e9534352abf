package io.edumatrix.identity.internal.accounts;

import org.springframework.stereotype.Component;

/** Signs up an account: the password is checked and hashed first, outside any transaction, then the account stored. */
@Component
public class AccountRegistration {

    private final AccountService accounts;
    private final Passwords passwords;

    AccountRegistration(AccountService accounts, Passwords passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    public Account register(String email, String displayName, String password) {
        return register(email, displayName, password, false);
    }

    public Account registerPlatformAdmin(String email, String displayName, String password) {
        return register(email, displayName, password, true);
    }

    private Account register(String email, String displayName, String password, boolean platformAdmin) {
        var normalizedEmail = email.strip();
        Passwords.check(password, normalizedEmail);
        return accounts.create(normalizedEmail, displayName.strip(), passwords.hash(password), platformAdmin);
    }
}
