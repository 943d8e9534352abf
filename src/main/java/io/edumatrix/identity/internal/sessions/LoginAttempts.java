package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.accounts.Account;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.sessions.LoginAttempt.Outcome;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.observability.SecurityEvents;
import io.edumatrix.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every login attempt and locks an email after repeated failures. Lockout is keyed by the email's blind index,
 * known or not, so a locked unknown email answers exactly like a locked account and reveals nothing, and no email is
 * stored.
 */
@Service
@Transactional("identity")
class LoginAttempts {

    /** Whether a login may go on to check the password, and the account the email names, if any. */
    record Admission(Optional<Account> account, Optional<Duration> lockedFor) {}

    private final LoginAttemptRepository attempts;
    private final AccountService accounts;
    private final LockoutPolicy lockout;
    private final SecurityEvents security;

    LoginAttempts(LoginAttemptRepository attempts, AccountService accounts, IdentityProperties properties,
            SecurityEvents security) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.lockout = LockoutPolicy.of(properties.lockout());
        this.security = security;
    }

    /** A locked email's attempt is recorded here and goes no further: no password is checked while it is locked. */
    Admission admit(byte[] emailIndex, List<byte[]> accountLookup) {
        attempts.lockEmail(emailIndex);
        var account = accounts.findByEmailIndexes(accountLookup);
        var lockedFor = LockoutPolicy.lockedFor(attempts.findLockedUntil(emailIndex), Times.now());
        if (lockedFor.isPresent()) {
            record(emailIndex, account.map(Account::id).orElse(null), Outcome.LOCKED);
            security.loginFailed(account.map(Account::id).orElse(null), Outcome.LOCKED.name());
        }
        return new Admission(account, lockedFor);
    }

    /** Records a failure; the one that reaches the limit within the window locks the email. */
    void failed(byte[] emailIndex, UUID accountId, Outcome outcome) {
        attempts.lockEmail(emailIndex);
        record(emailIndex, accountId, outcome);
        security.loginFailed(accountId, outcome.name());
        var now = Times.now();
        if (lockout.locksAfter(attempts.countFailuresSince(emailIndex, lockout.windowStart(now)))) {
            attempts.lock(emailIndex, lockout.lockedUntil(now));
            security.lockedOut(accountId);
        }
    }

    void record(byte[] emailIndex, UUID accountId, Outcome outcome) {
        attempts.insert(Ids.next(), emailIndex, accountId, outcome.name(), TenantContext.current().requestId().orElse(null),
                Times.now());
    }
}
