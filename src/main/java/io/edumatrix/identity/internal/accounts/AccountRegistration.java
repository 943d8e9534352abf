package io.edumatrix.identity.internal.accounts;

import io.edumatrix.platform.observability.SecurityEvents;
import io.edumatrix.platform.security.Role;
import org.springframework.stereotype.Component;

/** Signs up an account: the password is checked and hashed first, outside any transaction, then the account stored. */
@Component
public class AccountRegistration {

    private final AccountService accounts;
    private final Passwords passwords;
    private final SecurityEvents security;

    AccountRegistration(AccountService accounts, Passwords passwords, SecurityEvents security) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.security = security;
    }

    /** A new account, unverified: it is mailed a verification link. */
    public Account register(String email, String displayName, String password) {
        return register(email, displayName, password, false);
    }

    /** The configured administrator: its email is vouched for by the configuration, so it is verified. */
    public Account registerPlatformAdmin(String email, String displayName, String password) {
        var admin = register(email, displayName, password, true);
        security.privilegeGranted(admin.id(), null, Role.PLATFORM_ADMIN);
        return admin;
    }

    private Account register(String email, String displayName, String password, boolean platformAdmin) {
        var normalizedEmail = email.strip();
        Passwords.check(password, normalizedEmail);
        return accounts.create(normalizedEmail, displayName.strip(), passwords.hash(password), platformAdmin,
                platformAdmin);
    }
}
