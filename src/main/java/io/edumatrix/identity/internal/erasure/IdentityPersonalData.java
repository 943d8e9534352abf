package io.edumatrix.identity.internal.erasure;

import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.accounts.StoredAccount;
import io.edumatrix.identity.internal.oidc.LinkedIdentityRepository;
import io.edumatrix.identity.internal.twofactor.TwoFactor;
import io.edumatrix.identity.internal.verification.AccountTokenRepository;
import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What identity holds about a person: the account (its email and display name, opened), its sessions and its login
 * history. Password and token hashes and blind indexes are not exported: they are secrets, not information about the
 * person. Erasure deletes the refresh tokens, mailed verification and reset tokens, the TOTP secret, recovery codes
 * and login challenges, the linked provider identities, sessions, login attempts and lockouts, then the account, and forgets the
 * person's key, so that every ciphertext of theirs (in the audit trail and in backups too) stays unreadable. Erasure
 * requests stay: they hold no personal value, only that the erasure happened.
 */
@Component
class IdentityPersonalData implements PersonalDataHolder {

    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final PersonalSessionRepository sessions;
    private final PersonalLoginAttemptRepository attempts;
    private final AccountTokenRepository tokens;
    private final TwoFactor twoFactor;
    private final LinkedIdentityRepository linkedIdentities;
    private final PersonalDataVault vault;

    IdentityPersonalData(AccountService accounts, AccountRepository accountRows, PersonalSessionRepository sessions,
            PersonalLoginAttemptRepository attempts, AccountTokenRepository tokens, TwoFactor twoFactor,
            LinkedIdentityRepository linkedIdentities, @Qualifier("identity") PersonalDataVault vault) {
        this.linkedIdentities = linkedIdentities;
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.sessions = sessions;
        this.attempts = attempts;
        this.vault = vault;
    }

    record AccountData(UUID id, String email, String displayName, String status, boolean platformAdmin,
            Instant createdAt, Instant updatedAt) {}

    record SessionData(UUID id, Instant startedAt, Instant endedAt, String endedBecause) {}

    record LoginAttemptData(Instant attemptedAt, String outcome, String requestId) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        var part = new LinkedHashMap<String, Object>();
        var stored = accountRows.findById(accountId);
        if (stored.isEmpty()) {
            return part;
        }
        var a = accounts.get(accountId);
        part.put("account", new AccountData(a.id(), a.email(), a.displayName(), a.status().name(), a.platformAdmin(),
                a.createdAt(), a.updatedAt()));
        part.put("sessions", sessions.findByAccountId(accountId).stream()
                .map(s -> new SessionData(s.id(), s.createdAt(), s.revokedAt(), s.revokedReason())).toList());
        part.put("loginAttempts", attempts.findByAccountIdOrEmailIndex(accountId, stored.get().emailIndex()).stream()
                .map(l -> new LoginAttemptData(l.attemptedAt(), l.outcome().name(), l.requestId())).toList());
        return part;
    }

    /** Idempotent: run again after a crash, it finds nothing left and forgets a key that is gone already. */
    @Override
    public void erase(UUID accountId) {
        var emailIndex = accountRows.findById(accountId).map(StoredAccount::emailIndex);
        sessions.deleteRefreshTokensOf(accountId);
        tokens.deleteByAccountId(accountId);
        twoFactor.erase(accountId);
        linkedIdentities.deleteByAccountId(accountId);
        sessions.deleteByAccountId(accountId);
        attempts.deleteByAccountIdOrEmailIndex(accountId, emailIndex.orElse(null));
        emailIndex.ifPresent(attempts::deleteLockout);
        if (emailIndex.isPresent()) {
            accountRows.deleteById(accountId);
        }
        vault.forget(accountId);
    }
}
