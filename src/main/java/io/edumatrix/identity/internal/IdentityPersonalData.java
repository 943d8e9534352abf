package io.edumatrix.identity.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What identity holds about a person: the account (its email and display name), its sessions and its login history.
 * Password and token hashes are not exported: they are secrets, not information about the person. Erasure deletes the
 * refresh tokens, sessions, login attempts and lockouts, then the account. Erasure requests stay: they hold no personal
 * value, only that the erasure happened.
 */
@Component
class IdentityPersonalData implements PersonalDataHolder {

    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final PersonalSessionRepository sessions;
    private final PersonalLoginAttemptRepository attempts;

    IdentityPersonalData(AccountService accounts, AccountRepository accountRows, PersonalSessionRepository sessions,
            PersonalLoginAttemptRepository attempts) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.sessions = sessions;
        this.attempts = attempts;
    }

    record AccountData(UUID id, String email, String displayName, String status, boolean platformAdmin,
            Instant createdAt, Instant updatedAt) {}

    record SessionData(UUID id, Instant startedAt, Instant endedAt, String endedBecause) {}

    record LoginAttemptData(Instant attemptedAt, String outcome, String requestId) {}

    @Override
    public String module() {
        return "identity";
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        var part = new LinkedHashMap<String, Object>();
        var account = find(accountId);
        if (account.isEmpty()) {
            return part;
        }
        var a = account.get();
        part.put("account", new AccountData(a.id(), a.email(), a.displayName(), a.status().name(), a.platformAdmin(),
                a.createdAt(), a.updatedAt()));
        part.put("sessions", sessions.findByAccountId(accountId).stream()
                .map(s -> new SessionData(s.id(), s.createdAt(), s.revokedAt(), s.revokedReason())).toList());
        part.put("loginAttempts", attempts.findByAccountIdOrEmail(accountId, normalized(a.email())).stream()
                .map(l -> new LoginAttemptData(l.attemptedAt(), l.outcome().name(), l.requestId())).toList());
        return part;
    }

    /** The account's access tokens are refused from the request on ({@link ErasedAccounts}). */
    @Override
    public void erase(UUID accountId) {
        var account = find(accountId);
        var email = account.map(a -> normalized(a.email()));
        sessions.deleteRefreshTokensOf(accountId);
        sessions.deleteByAccountId(accountId);
        attempts.deleteByAccountIdOrEmail(accountId, email.orElse(null));
        email.ifPresent(attempts::deleteLockout);
        account.ifPresent(a -> accountRows.deleteById(a.id()));
    }

    /** Through the service, which gives the email and name in clear; absent once erased (a repeated erasure). */
    private Optional<Account> find(UUID accountId) {
        return accountRows.existsById(accountId) ? Optional.of(accounts.get(accountId)) : Optional.empty();
    }

    /** As {@link Login} records attempts and lockouts. */
    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
