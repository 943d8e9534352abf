package io.edumatrix.identity.internal;

import io.edumatrix.identity.internal.LoginAttempt.Outcome;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every login attempt and locks an email after repeated failures. Lockout is keyed by the normalized email,
 * known or not, so a locked unknown email answers exactly like a locked account and reveals nothing.
 */
@Service
@Transactional("identity")
class LoginAttempts {

    /** Whether a login may go on to check the password, and the account the email names, if any. */
    record Admission(Optional<Account> account, Optional<Duration> lockedFor) {}

    private final LoginAttemptRepository attempts;
    private final AccountRepository accounts;
    private final IdentityProperties.Lockout lockout;

    LoginAttempts(LoginAttemptRepository attempts, AccountRepository accounts, IdentityProperties properties) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.lockout = properties.lockout();
    }

    /** A locked email's attempt is recorded here and goes no further: no password is checked while it is locked. */
    Admission admit(String email) {
        attempts.lockEmail(email);
        var account = accounts.findByEmail(email);
        var now = Times.now();
        var lockedUntil = attempts.findLockedUntil(email).filter(now::isBefore);
        if (lockedUntil.isPresent()) {
            record(email, account.map(Account::id).orElse(null), Outcome.LOCKED);
            return new Admission(account, Optional.of(Duration.between(now, lockedUntil.get())));
        }
        return new Admission(account, Optional.empty());
    }

    /** Records a failure; the one that reaches the limit within the window locks the email. */
    void failed(String email, UUID accountId, Outcome outcome) {
        attempts.lockEmail(email);
        record(email, accountId, outcome);
        var now = Times.now();
        if (attempts.countFailuresSince(email, now.minus(lockout.window())) >= lockout.maxFailures()) {
            attempts.lock(email, now.plus(lockout.duration()));
        }
    }

    void record(String email, UUID accountId, Outcome outcome) {
        attempts.insert(Ids.next(), email, accountId, outcome.name(), TenantContext.current().requestId().orElse(null),
                Times.now());
    }
}
